// What each step of the questionnaire shows, and what a key press means there. Pure, so the
// screen stays small and the rules are tested without a DOM.
import type { AssessmentRecord, Questionnaire, Step } from "../../api";

interface Placed {
  /** The part of the questionnaire it belongs to, e.g. "Situations", and its number (from 1). */
  section: string;
  part: number;
  parts: number;
}

export interface ScaleQuestion extends Placed {
  kind: "item" | "energy";
  id: string;
  /** Shown above the text, which continues it: "In the last month, I…" + "listened…". */
  stem: string;
  text: string;
}

export interface ScenarioQuestion extends Placed {
  kind: "scenario";
  id: string;
  title: string;
  prompt: string;
  /** Only what the person chooses between: never the stance behind an option, nor the fitting one. */
  options: { id: string; text: string }[];
}

export type Question = ScaleQuestion | ScenarioQuestion;

const SITUATIONS = "Situations";

/** Every step's question, in order; a step whose id the instrument lacks is a bug in Rust. */
export function questionsOf(q: Questionnaire): Question[] {
  const { instrument } = q;
  const items = new Map(instrument.items.map((i) => [i.id, i]));
  const energy = new Map(instrument.energy.items.map((i) => [i.id, i]));
  const scenarios = new Map(instrument.scenarios.map((s) => [s.id, s]));
  const sectionOf = (step: Step) =>
    step.kind === "item" ? instrument.title : step.kind === "energy" ? instrument.energy.title : SITUATIONS;
  const sections = [...new Set(q.steps.map(sectionOf))];
  return q.steps.map((step: Step): Question => {
    const section = sectionOf(step);
    const place = { section, part: sections.indexOf(section) + 1, parts: sections.length };
    if (step.kind === "scenario") {
      const s = scenarios.get(step.id);
      if (!s) throw new Error(`The questionnaire names an unknown scenario "${step.id}".`);
      return {
        kind: "scenario",
        id: s.id,
        ...place,
        title: s.title,
        prompt: s.prompt,
        options: s.options.map((o) => ({ id: o.id, text: o.text })),
      };
    }
    const found = step.kind === "item" ? items.get(step.id) : energy.get(step.id);
    if (!found) throw new Error(`The questionnaire names an unknown question "${step.id}".`);
    return {
      kind: step.kind,
      id: found.id,
      ...place,
      stem: step.kind === "item" ? instrument.stem : instrument.energy.stem,
      text: found.text,
    };
  });
}

/** The answer given so far: a value or option id, null for a skip, undefined if never answered. */
export function answerOf(
  record: Pick<AssessmentRecord, "answers" | "choices">,
  question: Question,
): number | string | null | undefined {
  return question.kind === "scenario" ? record.choices[question.id] : record.answers[question.id];
}

/** How many questions have a real answer (skips and unanswered ones do not count). */
export function countAnswered(
  record: Pick<AssessmentRecord, "answers" | "choices">,
  questions: readonly Question[],
): number {
  return questions.filter((q) => {
    const a = answerOf(record, q);
    return a !== null && a !== undefined;
  }).length;
}

export type KeyAction =
  | { kind: "answer"; index: number }
  | { kind: "back" }
  | { kind: "forward" }
  | { kind: "finish" };

/**
 * What a key means on a step with `choices` answers: a digit picks the answer with that number,
 * ← goes back, → and Enter go forward. On the finish screen (`atEnd`) Enter finishes, as its main
 * button does.
 */
export function keyAction(key: string, choices: number, atEnd = false): KeyAction | null {
  if (atEnd && key === "Enter") return { kind: "finish" };
  if (/^[1-9]$/.test(key)) {
    const index = Number(key) - 1;
    return index < choices ? { kind: "answer", index } : null;
  }
  if (key === "ArrowLeft") return { kind: "back" };
  if (key === "ArrowRight" || key === "Enter") return { kind: "forward" };
  return null;
}

/** Keys typed into a field, or pressed with a modifier, belong to something else. */
export function isForUs(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  if (target.isContentEditable || target.closest("input, textarea, select")) return false;
  // Enter on a button or link activates it; the browser already does that.
  return !(event.key === "Enter" && target.closest("button, a, summary"));
}

/** The scale's points from min to max, each with its label (or its number if a label is missing). */
export function scalePoints(scale: { min: number; max: number; labels: string[] }): {
  value: number;
  label: string;
}[] {
  const points = [];
  for (let value = scale.min; value <= scale.max; value++) {
    points.push({ value, label: scale.labels[value - scale.min] ?? String(value) });
  }
  return points;
}
