// The exercise library arranged for reading: by the stance each exercise practises.
import type { Exercise, HabitStance } from "../../api/exercises";

export const STANCE_ORDER: readonly HabitStance[] = ["behind", "servant", "front", "rest"];

export const STANCE_GROUP_TITLES: Record<HabitStance, string> = {
  behind: "Leading from behind",
  servant: "Leading by serving",
  front: "Leading from the front",
  rest: "Rest",
};

export interface StanceGroup {
  stance: HabitStance;
  title: string;
  exercises: Exercise[];
}

/** Non-empty groups, behind first (the app's focus), each in the library's own order. */
export function byStance(exercises: Exercise[]): StanceGroup[] {
  return STANCE_ORDER.map((stance) => ({
    stance,
    title: STANCE_GROUP_TITLES[stance],
    exercises: exercises.filter((e) => e.stance === stance),
  })).filter((g) => g.exercises.length > 0);
}
