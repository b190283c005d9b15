// What a Loop Habit Tracker import did, as lines a person can read.
import type { LoopImportSummary } from "../../api";
import { count } from "./format";

export function importLines(s: LoopImportSummary): string[] {
  const lines = [
    `${count(s.habits_added, "habit", "habits")} added`,
    `${count(s.habits_matched, "habit was", "habits were")} already here from an earlier import (only new days added)`,
    `${count(s.check_ins_added, "check-in", "check-ins")} added`,
    `${count(s.check_ins_unchanged, "day", "days")} already recorded, left as they were`,
  ];
  if (s.notes_kept > 0) lines.push(`${count(s.notes_kept, "note", "notes")} kept on days without a check-in`);
  return lines;
}

/** One sentence for the top of the summary. */
export function importHeadline(s: LoopImportSummary): string {
  if (s.habits_added === 0 && s.check_ins_added === 0) {
    return "Nothing new to add: everything in this file is already in Leadback.";
  }
  return "Your Loop history is in Leadback.";
}
