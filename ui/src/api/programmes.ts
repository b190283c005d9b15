// Retreat programmes, a participant's progress through them, their results file, and the
// facilitator's cohort view. Rust reads and checks every file; the UI only picks paths.
import { open, save } from "@tauri-apps/plugin-dialog";
import type { CohortSummary } from "../bindings/CohortSummary";
import type { Programme } from "../bindings/Programme";
import type { ProgrammeDeletion } from "../bindings/ProgrammeDeletion";
import type { ProgrammeProgress } from "../bindings/ProgrammeProgress";
import { ApiError, call } from "./ipc";

export type { CohortSummary } from "../bindings/CohortSummary";
export type { DayProgress } from "../bindings/DayProgress";
export type { ExerciseCompletion } from "../bindings/ExerciseCompletion";
export type { Programme } from "../bindings/Programme";
export type { ProgrammeDay } from "../bindings/ProgrammeDay";
export type { ProgrammeDeletion } from "../bindings/ProgrammeDeletion";
export type { ProgrammeItem } from "../bindings/ProgrammeItem";
export type { ProgrammeProgress } from "../bindings/ProgrammeProgress";
export type { ScoreBucket } from "../bindings/ScoreBucket";
export type { StanceChange } from "../bindings/StanceChange";
export type { StanceCohort } from "../bindings/StanceCohort";

/** Every programme: the built-in ones first, then imported ones. */
export function getProgrammes(): Promise<Programme[]> {
  return call<Programme[]>("get_programmes");
}

export function getProgrammeProgress(programmeId: string): Promise<ProgrammeProgress> {
  return call<ProgrammeProgress>("get_programme_progress", { programmeId });
}

/** Ticks an item off (or back on) and returns the programme's new progress. */
export function setProgrammeItemDone(
  programmeId: string,
  itemKey: string,
  done: boolean,
): Promise<ProgrammeProgress> {
  return call<ProgrammeProgress>("set_programme_item_done", { programmeId, itemKey, done });
}

/**
 * Saves a programme written in the app, replacing one with the same id. Rust checks it like a
 * file (kebab-case unique keys, known exercises and habits, no empty day) and returns it as saved.
 */
export function saveAuthoredProgramme(programme: Programme): Promise<Programme> {
  return call<Programme>("save_authored_programme", { programme });
}

/** Reads a programme file and returns what it holds; nothing is saved. */
export function previewProgrammeFile(path: string): Promise<Programme> {
  return call<Programme>("preview_programme_file", { path });
}

/** Saves a programme file, after the person has seen its preview. */
export function importProgrammeFile(path: string): Promise<Programme> {
  return call<Programme>("import_programme_file", { path });
}

/**
 * What deleting a programme written here or imported would remove (its ticked-off items and the
 * participants' results imported for it); nothing is deleted. A built-in programme is refused.
 */
export function programmeDeletionPreview(id: string): Promise<ProgrammeDeletion> {
  return call<ProgrammeDeletion>("programme_deletion_preview", { id });
}

/** Deletes a programme written here or imported, with what the preview named; returns what went. */
export function deleteProgramme(id: string): Promise<ProgrammeDeletion> {
  return call<ProgrammeDeletion>("delete_programme", { id });
}

/** Writes a programme as a file participants can import. */
export function exportProgramme(programmeId: string, path: string): Promise<null> {
  return call<null>("export_programme", { programmeId, path });
}

/** Writes my results file for a programme, under the code I chose (and my name only if given). */
export function exportResults(
  programmeId: string,
  participantCode: string,
  name: string | null,
  path: string,
): Promise<null> {
  return call<null>("export_results", { programmeId, participantCode, name, path });
}

/** Imports participants' results files; all are checked before any is stored. Returns how many. */
export function importResults(paths: string[]): Promise<number> {
  return call<number>("import_results", { paths });
}

/** The cohort's anonymised picture; groups smaller than `min_group` come back as null. */
export function getCohortSummary(programmeId: string): Promise<CohortSummary> {
  return call<CohortSummary>("get_cohort_summary", { programmeId });
}

const LEADBACK_FILES = [{ name: "Leadback file", extensions: ["json"] }];

function dialogFailed(raw: unknown): ApiError {
  return new ApiError("internal", `The file dialog could not open: ${String(raw)}`);
}

/** Asks for a programme file to preview; null when the person cancels. */
export async function pickProgrammeFile(): Promise<string | null> {
  try {
    const picked = await open({
      title: "Import a programme",
      multiple: false,
      directory: false,
      filters: LEADBACK_FILES,
    });
    return typeof picked === "string" ? picked : null;
  } catch (raw) {
    throw dialogFailed(raw);
  }
}

/** Asks for participants' results files; an empty list when the person cancels. */
export async function pickResultsFiles(): Promise<string[]> {
  try {
    const picked = await open({
      title: "Import participants' results",
      multiple: true,
      directory: false,
      filters: LEADBACK_FILES,
    });
    if (picked === null) return [];
    return Array.isArray(picked) ? picked : [picked];
  } catch (raw) {
    throw dialogFailed(raw);
  }
}

/** Asks where to save a file (a programme or my results); null when the person cancels. */
export async function pickSavePath(title: string, defaultPath: string): Promise<string | null> {
  try {
    const picked = await save({ title, defaultPath, filters: LEADBACK_FILES });
    return typeof picked === "string" ? picked : null;
  } catch (raw) {
    throw dialogFailed(raw);
  }
}
