import type { AssessmentRecord, HistoryEntry } from "../../api";

/** What the home screen says about the assessment. */
export type AssessmentView =
  | { kind: "loading" }
  | { kind: "open"; record: AssessmentRecord; steps: number }
  | { kind: "new" }
  | { kind: "latest"; entry: HistoryEntry };
