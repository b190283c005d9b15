// Habits: the library, my own list, check-ins (today and back-filled), energy, the numbers Rust
// computes for each habit, reminders and importing from Loop Habit Tracker. Thin typed calls:
// strength, streaks, rates and the explanation are all computed in Rust.
import type { CheckInRecord } from "../bindings/CheckInRecord";
import type { CheckState } from "../bindings/CheckState";
import type { EnergyRecord } from "../bindings/EnergyRecord";
import type { HabitDetail } from "../bindings/HabitDetail";
import type { HabitInput } from "../bindings/HabitInput";
import type { HabitOverview } from "../bindings/HabitOverview";
import type { HabitRecord } from "../bindings/HabitRecord";
import type { LibraryHabit } from "../bindings/LibraryHabit";
import type { LoopImportSummary } from "../bindings/LoopImportSummary";
import type { ReminderInput } from "../bindings/ReminderInput";
import type { ReminderRecord } from "../bindings/ReminderRecord";
import type { StanceRollup } from "../bindings/StanceRollup";
import { call } from "./ipc";

/** The habits Leadback suggests, drawn from the source texts. */
export function getHabitLibrary(): Promise<LibraryHabit[]> {
  return call<LibraryHabit[]>("get_habit_library");
}

/** My habits in my order, each with today's state, strength, streaks and the last seven days. */
export function getHabits(includeArchived = false): Promise<HabitOverview[]> {
  return call<HabitOverview[]>("get_habits", { includeArchived });
}

/** Adds a habit from the library with its default schedule. */
export function addLibraryHabit(libraryId: string): Promise<HabitRecord> {
  return call<HabitRecord>("add_library_habit", { libraryId });
}

/** Adds a habit of my own; Rust validates the name, the why and the schedule. */
export function addOwnHabit(habit: HabitInput): Promise<HabitRecord> {
  return call<HabitRecord>("add_own_habit", { habit });
}

export function updateHabit(habitId: number, habit: HabitInput): Promise<HabitRecord> {
  return call<HabitRecord>("update_habit", { habitId, habit });
}

/** Archives a habit (or brings it back): its history is kept either way. */
export function archiveHabit(habitId: number, archived: boolean): Promise<HabitRecord> {
  return call<HabitRecord>("archive_habit", { habitId, archived });
}

/** Puts my habits in this order. */
export function reorderHabits(habitIds: number[]): Promise<null> {
  return call<null>("reorder_habits", { habitIds });
}

/**
 * Records a day's check-in (today or earlier) with an optional note; a null state and a null note
 * clear the day. The note replaces any note already on that day. Resolves only once it is saved.
 */
export function checkIn(
  habitId: number,
  day: string,
  check: CheckState | null,
  note: string | null,
): Promise<CheckInRecord | null> {
  return call<CheckInRecord | null>("check_in", { habitId, day, check, note });
}

/**
 * Records a measurable habit's amount for a day (today or earlier), zero or more. A null `note`
 * keeps the day's note as it is (the one-step entry from home); a string replaces it, "" removes
 * it. Resolves only once it is saved.
 */
export function enterAmount(habitId: number, day: string, amount: number, note: string | null): Promise<CheckInRecord> {
  return call<CheckInRecord>("enter_amount", { habitId, day, amount, note });
}

/** One habit's entries, strength series, completion rates and the explanation of its score. */
export function getHabitDetail(habitId: number): Promise<HabitDetail> {
  return call<HabitDetail>("get_habit_detail", { habitId });
}

/** Records a day's energy, 1 (drained) to 5 (full), replacing that day's earlier entry. */
export function setEnergy(day: string, level: number, note: string | null): Promise<EnergyRecord> {
  return call<EnergyRecord>("set_energy", { day, level, note });
}

/** Every energy entry of mine. */
export function getEnergy(): Promise<EnergyRecord[]> {
  return call<EnergyRecord[]>("get_energy");
}

/** Mean practice strength per stance, week by week. */
export function getStanceRollup(): Promise<StanceRollup[]> {
  return call<StanceRollup[]>("get_stance_rollup");
}

/** Replaces a habit's reminders. */
export function setReminders(habitId: number, reminders: ReminderInput[]): Promise<ReminderRecord[]> {
  return call<ReminderRecord[]>("set_reminders", { habitId, reminders });
}

export function getReminders(habitId: number): Promise<ReminderRecord[]> {
  return call<ReminderRecord[]>("get_reminders", { habitId });
}

/** Imports a Loop Habit Tracker backup (.db) or CSV export (.zip); importing twice adds nothing. */
export function importLoop(path: string): Promise<LoopImportSummary> {
  return call<LoopImportSummary>("import_loop", { path });
}
