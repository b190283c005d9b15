// Test data and a fake Rust side for the exercise and journal component tests.
import type { Exercise, ExerciseRun } from "../../api/exercises";
import type { fakeRust } from "../assessment/fixtures";

// The one fake Rust side every component test uses.
export { fakeRust, type Call } from "../assessment/fixtures";
export type Handlers = Parameters<typeof fakeRust>[0];

export const pause: Exercise = {
  id: "quick-pause",
  version: 1,
  title: "A pause before you speak",
  summary: "One breath and one question before your next conversation.",
  stance: "servant",
  source: "000",
  duration_minutes: 1,
  habit: "listen-before-speaking",
  steps: [
    { instruction: "Take one slow breath, in and out.", timer: { seconds: 3, bell_every_seconds: null }, prompts: [] },
    {
      instruction: "Think of the next person you will talk to.",
      timer: null,
      prompts: [
        { id: "first-question", kind: "text", text: "My first question will be…" },
        { id: "ready", kind: "rating", text: "How ready do you feel to listen first?" },
      ],
    },
  ],
};

export const walk: Exercise = {
  id: "walk-at-the-back",
  version: 1,
  title: "The walk at the back",
  summary: "Walk at the back of the group and notice who steps up.",
  stance: "behind",
  source: "000",
  duration_minutes: 30,
  habit: null,
  steps: [{ instruction: "Walk at the back.", timer: { seconds: 600, bell_every_seconds: 300 }, prompts: [] }],
};

export function run(over: Partial<ExerciseRun> = {}): ExerciseRun {
  return {
    id: 11,
    person_id: 1,
    exercise_id: "quick-pause",
    exercise_version: 1,
    started_at: "2026-11-02T09:00:00Z",
    finished_at: null,
    step: 0,
    programme_item: null,
    reflections: [],
    ...over,
  };
}

export function habitOverview(libraryId: string, name: string) {
  return {
    habit: {
      id: 5,
      person_id: 1,
      library_id: libraryId,
      name,
      stance: "servant",
      why: null,
      schedule: { times: 1, days: 1 },
      position: 0,
      archived_at: null,
      created_at: "2026-10-01T09:00:00Z",
    },
    today: null,
    strength: 0.4,
    streaks: { current: 1, best: 3 },
    last_week: [],
  };
}
