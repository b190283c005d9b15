// Test data for the programme and cohort screens.
import type { CohortSummary, Programme, ProgrammeProgress } from "../../api/programmes";

export const retreat: Programme = {
  id: "three-days",
  version: 1,
  title: "Three days at the back of the line",
  description: "Three days of practising leadership from the back.",
  days: [
    {
      title: "Day 1: Stepping to the back",
      items: [
        { key: "assessment-before", required: true, kind: "assessment" },
        { key: "walk", required: true, kind: "exercise", exercise: "walk-at-the-back" },
        { key: "habit", required: true, kind: "habit", habit: "let-others-go-first" },
        { key: "who-stepped-up", required: false, kind: "prompt", prompt: "Who stepped up today?" },
      ],
    },
    {
      title: "Day 2: Listen first",
      items: [{ key: "listen", required: true, kind: "exercise", exercise: "quick-pause" }],
    },
  ],
};

/** Progress with [required done, optional done] per day, and the keys of the items done. */
export function progress(day1: [number, number], day2: [number, number], done: string[] = []): ProgrammeProgress {
  const days = [
    { day: 1, title: "Day 1: Stepping to the back", required: 3, required_done: day1[0], optional: 1, optional_done: day1[1], complete: day1[0] === 3 },
    { day: 2, title: "Day 2: Listen first", required: 1, required_done: day2[0], optional: 0, optional_done: 0, complete: day2[0] === 1 },
  ];
  const next = days.find((d) => !d.complete);
  return { days, next_day: next ? next.day : null, complete: !next, done };
}

export const summary: CohortSummary = {
  programme_id: "three-days",
  participants: 4,
  min_group: 3,
  stances: [
    {
      stance: "front",
      n: 4,
      scored_before: 4,
      scored_after: 4,
      change: { mean_before: 72.5, mean_after: 61.3, mean_change: -11.2, spread: 4.1 },
      buckets: [
        { from: 0, to: 20, before: null, after: null },
        { from: 20, to: 40, before: null, after: null },
        { from: 40, to: 60, before: null, after: 3 },
        { from: 60, to: 80, before: 3, after: null },
        { from: 80, to: 100, before: null, after: null },
      ],
    },
    { stance: "behind", n: 2, scored_before: 4, scored_after: 2, change: null, buckets: [] },
    {
      stance: "servant",
      n: 3,
      scored_before: 3,
      scored_after: 3,
      change: { mean_before: 50, mean_after: 58.4, mean_change: 8.4, spread: 2 },
      buckets: [],
    },
  ],
  exercises: [
    { exercise: "walk-at-the-back", count: 4, share: 100 },
    { exercise: "quick-pause", count: null, share: null },
  ],
};
