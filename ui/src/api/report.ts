// A person's PDF report (profile, history, habits and exercises; session notes only when asked),
// written by Rust to a path the person picked: the same file `leadback report` makes.
import type { ReportSummary } from "../bindings/ReportSummary";
import { call } from "./ipc";

/** Writes the report about `personId` (me or a client) to `path`, a .pdf file. */
export function exportReport(
  personId: number,
  path: string,
  includeNotes: boolean,
): Promise<ReportSummary> {
  return call<ReportSummary>("export_report", { personId, path, includeNotes });
}
