// Guided exercises and the journal. Rust owns the exercises, the runs and the saved reflections;
// these are thin typed calls, plus the save dialog for exporting the journal.
import type { Exercise } from "../bindings/Exercise";
import type { ExerciseRun } from "../bindings/ExerciseRun";
import type { JournalEntry } from "../bindings/JournalEntry";
import type { ReflectionAnswer } from "../bindings/ReflectionAnswer";
import { pickSavePath } from "./dialog";
import { call } from "./ipc";

export type { Exercise } from "../bindings/Exercise";
export type { ExerciseRun } from "../bindings/ExerciseRun";
export type { ExerciseStep } from "../bindings/ExerciseStep";
export type { HabitStance } from "../bindings/HabitStance";
export type { JournalEntry } from "../bindings/JournalEntry";
export type { Reflection } from "../bindings/Reflection";
export type { ReflectionAnswer } from "../bindings/ReflectionAnswer";
export type { ReflectionPrompt } from "../bindings/ReflectionPrompt";
export type { StepTimer } from "../bindings/StepTimer";

/** The whole exercise library, in the order the data files give. */
export function getExercises(): Promise<Exercise[]> {
  return call<Exercise[]>("get_exercises");
}

/** My unfinished exercise run, or null when there is none to resume. */
export function getOpenExerciseRun(): Promise<ExerciseRun | null> {
  return call<ExerciseRun | null>("get_open_exercise_run");
}

/**
 * Starts an exercise, or returns the unfinished run of the same exercise so it can be resumed.
 * `programmeItem` is the key of the programme item it was started from, if any.
 */
export function startExercise(exerciseId: string, programmeItem: string | null = null): Promise<ExerciseRun> {
  return call<ExerciseRun>("start_exercise", { exerciseId, programmeItem });
}

/** Saves one reflection the moment it changes; `answer: null` clears it. */
export function saveReflection(
  runId: number,
  step: number,
  promptId: string,
  answer: ReflectionAnswer | null,
): Promise<null> {
  return call<null>("save_reflection", { runId, step, promptId, answer });
}

/** Remembers the step shown, to resume on; `steps.length` is the finish screen. */
export function moveInExercise(runId: number, step: number): Promise<null> {
  return call<null>("move_in_exercise", { runId, step });
}

/**
 * Finishes a run. With `checkInHabit`, today's check-in of the exercise's linked habit is marked
 * done with the written reflections as its note (only if the person has that habit).
 */
export function finishExercise(runId: number, checkInHabit: boolean): Promise<ExerciseRun> {
  return call<ExerciseRun>("finish_exercise", { runId, checkInHabit });
}

export interface JournalFilter {
  search: string | null;
  stance: string | null;
  exerciseId: string | null;
}

/** Reflections, check-in notes and notes, newest first, optionally searched and filtered. */
export function getJournal(filter: JournalFilter): Promise<JournalEntry[]> {
  return call<JournalEntry[]>("get_journal", {
    search: filter.search,
    stance: filter.stance,
    exerciseId: filter.exerciseId,
  });
}

/** Adds a free note to the journal on a day ("YYYY-MM-DD", not in the future); returns its id. */
export function addJournalNote(day: string, text: string): Promise<number> {
  return call<number>("add_journal_note", { day, text });
}

/** Writes the whole journal as Markdown to `path`. */
export function exportJournal(path: string): Promise<null> {
  return call<null>("export_journal", { path });
}

/** Asks where to save the journal; null when the person cancels. */
export function pickJournalExportPath(): Promise<string | null> {
  return pickSavePath("Export the journal", "leadback-journal.md", { name: "Markdown", extensions: ["md"] });
}
