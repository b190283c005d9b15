// The self-assessment: taking it one answer at a time, finishing it, and reading results back.
// Rust owns the instrument, the scoring and the feedback; these are thin typed calls.
import type { AssessmentRecord } from "../bindings/AssessmentRecord";
import type { HistoryEntry } from "../bindings/HistoryEntry";
import type { Questionnaire } from "../bindings/Questionnaire";
import type { ScoredAssessment } from "../bindings/ScoredAssessment";
import type { StanceConsistency } from "../bindings/StanceConsistency";
import { call } from "./ipc";

/** The current instrument and its steps in the order they are asked. */
export function getQuestionnaire(): Promise<Questionnaire> {
  return call<Questionnaire>("get_questionnaire");
}

/** My unfinished assessment, or null when there is none to resume. */
export function getOpenAssessment(): Promise<AssessmentRecord | null> {
  return call<AssessmentRecord | null>("get_open_assessment");
}

/** Starts an assessment, or returns the unfinished one so it can be resumed. */
export function startAssessment(): Promise<AssessmentRecord> {
  return call<AssessmentRecord>("start_assessment");
}

/**
 * Saves the answer to a stance or energy item; `value: null` records an explicit skip.
 * `position` is the step to resume on, usually the one after this question.
 */
export function answerItem(
  assessmentId: number,
  itemId: string,
  value: number | null,
  position: number,
): Promise<null> {
  return call<null>("answer_item", { assessmentId, itemId, value, position });
}

/** Saves the option chosen in a scenario; `optionId: null` records an explicit skip. */
export function answerScenario(
  assessmentId: number,
  scenarioId: string,
  optionId: string | null,
  position: number,
): Promise<null> {
  return call<null>("answer_scenario", { assessmentId, scenarioId, optionId, position });
}

/** Remembers the step the person moved to without answering (back, forward). */
export function moveInAssessment(assessmentId: number, position: number): Promise<null> {
  return call<null>("move_in_assessment", { assessmentId, position });
}

/** Finishes the assessment and returns its scored result. */
export function finishAssessment(assessmentId: number): Promise<ScoredAssessment> {
  return call<ScoredAssessment>("finish_assessment", { assessmentId });
}

/** Throws away an unfinished assessment and every answer in it. */
export function discardAssessment(assessmentId: number): Promise<null> {
  return call<null>("discard_assessment", { assessmentId });
}

/** A finished assessment's result, recomputed by Rust from its stored answers. */
export function getAssessmentResult(assessmentId: number): Promise<ScoredAssessment> {
  return call<ScoredAssessment>("get_assessment_result", { assessmentId });
}

/** Every finished assessment of mine, oldest first. */
export function getAssessmentHistory(): Promise<HistoryEntry[]> {
  return call<HistoryEntry[]>("get_assessment_history");
}

/**
 * Cronbach's alpha per stance over every finished assessment in this database on the current
 * instrument; a stance's alpha is null below 10 complete assessments.
 */
export function getConsistency(): Promise<StanceConsistency[]> {
  return call<StanceConsistency[]>("get_consistency");
}
