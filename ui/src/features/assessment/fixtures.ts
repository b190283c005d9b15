// Test data and a fake Rust side for the assessment's component tests.
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  AssessmentRecord,
  AssessmentResult,
  HistoryEntry,
  Questionnaire,
  ScoredAssessment,
} from "../../api";

export const questionnaire: Questionnaire = {
  instrument: {
    id: "test",
    version: 1,
    title: "How I lead",
    intro: "",
    stem: "In the last month, I…",
    scale: { min: 1, max: 5, labels: ["Never", "Rarely", "Sometimes", "Often", "Almost always"] },
    items: [
      { id: "front-01", stance: "front", reverse: false, text: "set the pace.", source: "" },
      { id: "behind-01", stance: "behind", reverse: false, text: "let someone go first.", source: "" },
    ],
    scenarios: [
      {
        id: "crisis",
        title: "The crisis",
        prompt: "A key system fails on a Friday evening.",
        fitting: "front",
        source: "",
        options: [
          { id: "a", stance: "behind", text: "Let the most experienced person lead." },
          { id: "b", stance: "front", text: "Step in and take charge." },
          { id: "c", stance: "servant", text: "Check in with each person first." },
        ],
      },
    ],
    energy: {
      title: "Energy and rest",
      stem: "Lately, I…",
      items: [{ id: "energy-01", reverse: false, text: "felt rested.", source: "" }],
    },
  },
  steps: [
    { kind: "item", id: "front-01" },
    { kind: "item", id: "behind-01" },
    { kind: "scenario", id: "crisis" },
    { kind: "energy", id: "energy-01" },
  ],
};

export function record(over: Partial<AssessmentRecord> = {}): AssessmentRecord {
  return {
    id: 7,
    person_id: 1,
    instrument_id: "test",
    instrument_version: 1,
    started_at: "2026-11-01T09:00:00Z",
    completed_at: null,
    position: 0,
    answers: {},
    choices: {},
    ...over,
  };
}

const band = (label: string) => ({
  id: "middle",
  label,
  narrative: `${label} narrative.`,
  strengths: [`${label} strength.`],
  risks: [`${label} risk.`],
});

export function result(over: Partial<AssessmentResult> = {}): AssessmentResult {
  return {
    instrument_id: "test",
    instrument_version: 1,
    scores: {
      stances: { front: 62.5, behind: null, servant: 75 },
      balance: null,
      situational: 50,
      energy: null,
      answered: {
        front: { answered: 8, total: 10 },
        behind: { answered: 2, total: 10 },
        servant: { answered: 10, total: 10 },
        energy: { answered: 1, total: 6 },
        scenarios: { answered: 6, total: 8 },
      },
    },
    profile: { id: "not-enough-answers", label: "Not enough answers yet", summary: "Some parts were skipped.", leading: [] },
    stances: [
      { stance: "front", score: 62.5, band: band("Out in front at times") },
      { stance: "behind", score: null, band: null },
      { stance: "servant", score: 75, band: band("Often serving first") },
    ],
    energy: null,
    not_enough_answers: "Not enough answers to say anything here yet.",
    suggestions: {
      habits: ["let-others-go-first", "listen-before-speaking", "real-break"],
      exercises: ["walk-at-the-back", "listen-first"],
    },
    ...over,
  };
}

export function scored(id: number, completedAt: string, over: Partial<AssessmentResult> = {}): ScoredAssessment {
  return { id, started_at: completedAt, completed_at: completedAt, result: result(over) };
}

export function entry(id: number, completedAt: string, front: number | null, label: string): HistoryEntry {
  const r = result();
  return {
    id,
    completed_at: completedAt,
    instrument_id: "test",
    instrument_version: 1,
    scores: { ...r.scores, stances: { front, behind: 40, servant: 55 } },
    profile: { ...r.profile, label },
  };
}

export type Call = [string, Record<string, unknown>];

/** Answers each command from `handlers` and records every call made, in order. */
export function fakeRust(handlers: Record<string, (args: Record<string, unknown>) => unknown>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, a]);
    const handler = handlers[cmd];
    if (!handler) throw { code: "internal", message: `no fake for ${cmd}` };
    return handler(a);
  });
  return calls;
}

/** Each row of a table as its cells' texts joined by single spaces. */
export function rowTexts(table: HTMLElement): string[] {
  return Array.from(table.querySelectorAll("tr")).map((tr) =>
    Array.from(tr.children)
      .map((cell) => cell.textContent?.replace(/\s+/g, " ").trim())
      .join(" "),
  );
}
