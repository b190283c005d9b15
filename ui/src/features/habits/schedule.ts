// The habit form's three kinds of schedule, to and from the {times, days} Rust stores.
import type { Schedule } from "../../api";

export type ScheduleKind = "daily" | "weekly" | "custom";

export interface ScheduleChoice {
  kind: ScheduleKind;
  /** Times a week, for "weekly". */
  perWeek: number | null;
  /** N in M days, for "custom". */
  times: number | null;
  days: number | null;
}

export function choiceFor(s: Schedule): ScheduleChoice {
  if (s.times === 1 && s.days === 1) return { kind: "daily", perWeek: 3, times: 2, days: 3 };
  if (s.days === 7) return { kind: "weekly", perWeek: s.times, times: 2, days: 3 };
  return { kind: "custom", perWeek: 3, times: s.times, days: s.days };
}

/**
 * The schedule the form describes. An empty or non-numeric box becomes 0 so that Rust refuses it
 * with its own explanation, rather than the form inventing a rule of its own.
 */
export function scheduleFrom(c: ScheduleChoice): Schedule {
  const n = (v: number | null) => (typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : 0);
  switch (c.kind) {
    case "daily":
      return { times: 1, days: 1 };
    case "weekly":
      return { times: n(c.perWeek), days: 7 };
    case "custom":
      return { times: n(c.times), days: n(c.days) };
  }
}
