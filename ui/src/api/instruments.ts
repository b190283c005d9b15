// Instruments: the built-in questionnaire and a coach's own (imported from a TOML file after a
// preview), which one new assessments use, and each one's internal consistency in this database.
// Rust reads and checks every file; the UI only picks the path.
import type { InstrumentConsistency } from "../bindings/InstrumentConsistency";
import type { InstrumentPreview } from "../bindings/InstrumentPreview";
import type { InstrumentSummary } from "../bindings/InstrumentSummary";
import { call } from "./ipc";

export type { InstrumentConsistency } from "../bindings/InstrumentConsistency";
export type { InstrumentPreview } from "../bindings/InstrumentPreview";
export type { InstrumentSummary } from "../bindings/InstrumentSummary";
export type { StanceConsistency } from "../bindings/StanceConsistency";

/** Every instrument, the built-in one first; `current` marks the one new assessments use. */
export function listInstruments(): Promise<InstrumentSummary[]> {
  return call<InstrumentSummary[]>("list_instruments");
}

/** Reads and checks an instrument file; nothing is saved. A refusal says where and what. */
export function previewInstrument(path: string): Promise<InstrumentPreview> {
  return call<InstrumentPreview>("preview_instrument", { path });
}

/** Imports an instrument file (the same file twice changes nothing). */
export function importInstrument(path: string): Promise<InstrumentSummary> {
  return call<InstrumentSummary>("import_instrument", { path });
}

/** Makes an instrument the one new assessments are taken on; returns the updated list. */
export function chooseInstrument(
  instrumentId: string,
  version: number,
): Promise<InstrumentSummary[]> {
  return call<InstrumentSummary[]>("choose_instrument", { instrumentId, version });
}

/** Cronbach's alpha per stance over every finished assessment on this version in this database. */
export function getInstrumentConsistency(
  instrumentId: string,
  version: number,
): Promise<InstrumentConsistency> {
  return call<InstrumentConsistency>("get_instrument_consistency", { instrumentId, version });
}
