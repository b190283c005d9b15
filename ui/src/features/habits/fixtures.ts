// Test data for the habit screens' component tests.
import type { HabitDetail, HabitOverview, HabitRecord, LibraryHabit, StrengthExplanation } from "../../api";

export function habitRecord(over: Partial<HabitRecord> = {}): HabitRecord {
  return {
    id: 1,
    person_id: 1,
    library_id: "let-others-go-first",
    name: "Let someone else go first",
    stance: "behind",
    why: "They set the pace.",
    schedule: { times: 1, days: 1 },
    measure: null,
    position: 0,
    archived_at: null,
    created_at: "2026-11-01T08:00:00Z",
    ...over,
  };
}

export function overview(over: Partial<HabitOverview> = {}, habit: Partial<HabitRecord> = {}): HabitOverview {
  return {
    habit: habitRecord(habit),
    today: null,
    today_note: null,
    today_amount: null,
    period_amount: null,
    strength: 0.42,
    streaks: { current: 3, current_start: "2026-11-19", best: 5, best_start: "2026-11-01", best_end: "2026-11-05" },
    last_week: ["done", "done", null, "skipped", "done", "done", null],
    ...over,
  };
}

export const explanation: StrengthExplanation = {
  frequency: 1,
  gain_share: 0.051922,
  half_life_days: 13,
  current: 0.42,
  full_day_gain: 0.0301,
  next_done_date: "2026-11-22",
  if_done: 0.4501,
  after_week_without: 0.3034,
};

export function detail(over: Partial<HabitDetail> = {}): HabitDetail {
  return {
    overview: overview(),
    entries: [
      { habit_id: 1, day: "2026-11-20", state: "done", amount: null, note: "Sam led the stand-up." },
      { habit_id: 1, day: "2026-11-21", state: "skipped", amount: null, note: null },
    ],
    strength: [
      { date: "2026-11-20", strength: 0.4 },
      { date: "2026-11-21", strength: 0.4 },
      { date: "2026-11-22", strength: 0.42 },
    ],
    weekly: [{ start: "2026-11-16", end: "2026-11-22", done: 4, skipped: 1, days: 6, expected: 6, rate: 0.667 }],
    monthly: [{ start: "2026-11-01", end: "2026-11-30", done: 12, skipped: 1, days: 21, expected: 21, rate: 0.571 }],
    explanation,
    ...over,
  };
}

export const library: LibraryHabit[] = [
  {
    id: "let-others-go-first",
    name: "Let someone else go first",
    stance: "behind",
    why: "When someone else goes first they set the pace.",
    source: "000 §Choosing to Lead from the Back",
    schedule: { times: 1, days: 1 },
    measure: null,
  },
  {
    id: "listen-before-speaking",
    name: "Listen before speaking",
    stance: "servant",
    why: "Hear people out first.",
    source: "004 §vs Servant Leadership",
    schedule: { times: 3, days: 7 },
    measure: null,
  },
  {
    id: "real-break",
    name: "Take a real break",
    stance: "rest",
    why: "Leading from the back lets you rest.",
    source: "000 §Empowerment & Rest",
    schedule: { times: 1, days: 1 },
    measure: null,
  },
];

/** "Minutes of listening before speaking": at least 20 minutes a week. */
export function measuredOverview(over: Partial<HabitOverview> = {}, habit: Partial<HabitRecord> = {}): HabitOverview {
  return overview(
    { today_amount: null, period_amount: 12, last_week: [null, null, "not_done", "not_done", "done", "done", null], ...over },
    {
      id: 2,
      library_id: null,
      name: "Minutes of listening before speaking",
      stance: "servant",
      schedule: { times: 1, days: 7 },
      measure: { unit: "minutes", target: 20, at_most: false },
      ...habit,
    },
  );
}

/** A promise and the function that settles it, to hold a fake Rust answer back. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve: (v: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
