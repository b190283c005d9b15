export { ApiError } from "./ipc";
export { explain, type Explained } from "./errors";
export { getMe, homeReady, setMyName } from "./profile";
export {
  answerItem,
  answerScenario,
  discardAssessment,
  finishAssessment,
  getAssessmentHistory,
  getAssessmentResult,
  getOpenAssessment,
  getQuestionnaire,
  moveInAssessment,
  startAssessment,
} from "./assessment";
export {
  addLibraryHabit,
  addOwnHabit,
  archiveHabit,
  checkIn,
  enterAmount,
  getEnergy,
  getHabitDetail,
  getHabitLibrary,
  getHabits,
  getReminders,
  getStanceRollup,
  importLoop,
  reorderHabits,
  setEnergy,
  setReminders,
  updateHabit,
} from "./habits";
export { getStartAtLogin, setStartAtLogin } from "./settings";
export { pickLoopFile } from "./dialog";
export type { Person } from "../bindings/Person";
export type { ErrorCode } from "../bindings/ErrorCode";
export type { AssessmentRecord } from "../bindings/AssessmentRecord";
export type { AssessmentResult } from "../bindings/AssessmentResult";
export type { BandFeedback } from "../bindings/BandFeedback";
export type { HistoryEntry } from "../bindings/HistoryEntry";
export type { InstrumentView } from "../bindings/InstrumentView";
export type { Item } from "../bindings/Item";
export type { Questionnaire } from "../bindings/Questionnaire";
export type { Scale } from "../bindings/Scale";
export type { Scenario } from "../bindings/Scenario";
export type { ScoredAssessment } from "../bindings/ScoredAssessment";
export type { Scores } from "../bindings/Scores";
export type { Stance } from "../bindings/Stance";
export type { StanceFeedback } from "../bindings/StanceFeedback";
export type { StanceScores } from "../bindings/StanceScores";
export type { Step } from "../bindings/Step";
export type { CheckInRecord } from "../bindings/CheckInRecord";
export type { CheckState } from "../bindings/CheckState";
export type { CompletionRate } from "../bindings/CompletionRate";
export type { DailyStrength } from "../bindings/DailyStrength";
export type { EnergyRecord } from "../bindings/EnergyRecord";
export type { HabitDetail } from "../bindings/HabitDetail";
export type { HabitInput } from "../bindings/HabitInput";
export type { HabitOverview } from "../bindings/HabitOverview";
export type { HabitRecord } from "../bindings/HabitRecord";
export type { HabitStance } from "../bindings/HabitStance";
export type { LibraryHabit } from "../bindings/LibraryHabit";
export type { LoopImportSummary } from "../bindings/LoopImportSummary";
export type { Measure } from "../bindings/Measure";
export type { ReminderInput } from "../bindings/ReminderInput";
export type { ReminderRecord } from "../bindings/ReminderRecord";
export type { Schedule } from "../bindings/Schedule";
export type { StanceRollup } from "../bindings/StanceRollup";
export type { StrengthExplanation } from "../bindings/StrengthExplanation";
export type { Streaks } from "../bindings/Streaks";
