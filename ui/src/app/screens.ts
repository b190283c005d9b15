// Every screen but home and onboarding loads on its first visit, so the window opens with only
// what the first screen needs. Each import is fetched once and then cached by the browser.
export const screens = {
  questionnaire: () => import("../features/assessment/Questionnaire.svelte"),
  results: () => import("../features/assessment/Results.svelte"),
  history: () => import("../features/assessment/History.svelte"),
  compare: () => import("../features/assessment/Compare.svelte"),
  habits: () => import("../features/habits/Habits.svelte"),
  addHabit: () => import("../features/habits/AddHabit.svelte"),
  editHabit: () => import("../features/habits/EditHabit.svelte"),
  habit: () => import("../features/habits/HabitDetail.svelte"),
  progress: () => import("../features/progress/Progress.svelte"),
  settings: () => import("../features/settings/Settings.svelte"),
  exercises: () => import("../features/exercises/ExerciseLibrary.svelte"),
  journal: () => import("../features/journal/Journal.svelte"),
  programmes: () => import("../features/programmes/Programmes.svelte"),
  clients: () => import("../features/clients/Clients.svelte"),
  client: () => import("../features/clients/ClientOverview.svelte"),
};
