export { ApiError } from "./ipc";
export { explain, type Explained } from "./errors";
export { getMe, setMyName } from "./profile";
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
