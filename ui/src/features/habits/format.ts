// Plain words for habits: schedules, check-in states, stances and strengths. Rust computes every
// number; these only say them.
import type { CheckState, HabitStance, Schedule } from "../../api";

/** "every day", "3 times a week", "once every 2 days", "2 times in 3 days". */
export function scheduleWording({ times, days }: Schedule): string {
  if (times === days) return "every day";
  if (days === 7) return times === 1 ? "once a week" : `${times} times a week`;
  if (days === 14 && times === 1) return "once every two weeks";
  if (days === 30 || days === 31) return times === 1 ? "once a month" : `${times} times a month`;
  if (times === 1) return `once every ${days} days`;
  return `${times} times in ${days} days`;
}

/** The buttons' words for each state: "skipped" is "no chance today", not a failure. */
export const CHECK_LABELS: Record<CheckState, string> = {
  done: "Done",
  skipped: "Not today",
  not_done: "Didn't",
};

/** What a recorded day means, for lists, tables and screen readers. */
export function stateWords(state: CheckState | null): string {
  switch (state) {
    case "done":
      return "done";
    case "skipped":
      return "no chance (skipped)";
    case "not_done":
      return "not done";
    default:
      return "not entered";
  }
}

/**
 * What a day means for a measurable habit, where Rust marks a day "done" when the period ending
 * that day met the target (home's last seven days, streaks and completion).
 */
export function metWords(state: CheckState | null): string {
  switch (state) {
    case "done":
      return "target met";
    case "not_done":
      return "target not met";
    default:
      return stateWords(state);
  }
}

export const CHECK_STATES: readonly CheckState[] = ["done", "skipped", "not_done"];

export const HABIT_STANCES: readonly HabitStance[] = ["behind", "servant", "front", "rest"];

export const HABIT_STANCE_NAMES: Record<HabitStance, string> = {
  front: "Front",
  behind: "Behind",
  servant: "Servant",
  rest: "Rest",
};

/** Headings for the library's groups. */
export const HABIT_STANCE_TITLES: Record<HabitStance, string> = {
  behind: "Leading from behind",
  servant: "Leading by serving",
  front: "Leading from the front, when it fits",
  rest: "Rest and recharge",
};

/** A 0–1 share as a whole percentage, "42%"; below 1% but above zero, "under 1%". */
export function formatPercent(share: number): string {
  const pct = Math.round(share * 100);
  if (pct === 0 && share > 0) return "under 1%";
  return `${pct}%`;
}

/** "1 day", "12 days". */
export function days(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}

/** "1 habit", "3 habits" and the like. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A count Rust may give with a fraction (days a schedule asks for): "12", "12.9". */
export function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
