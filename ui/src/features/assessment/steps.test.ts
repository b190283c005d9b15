import { describe, expect, it } from "vitest";
import { questionnaire, record } from "./fixtures";
import { answerOf, countAnswered, keyAction, questionsOf, scalePoints } from "./steps";

describe("questions", () => {
  const questions = questionsOf(questionnaire);

  it("follows the steps, each with its own stem", () => {
    expect(questions.map((q) => `${q.kind}:${q.id}`)).toEqual([
      "item:front-01",
      "item:behind-01",
      "scenario:crisis",
      "energy:energy-01",
    ]);
    expect(questions[0]).toMatchObject({ stem: "In the last month, I…", text: "set the pace." });
    expect(questions[3]).toMatchObject({ stem: "Lately, I…", section: "Energy and rest" });
    expect(questions.map((q) => `${q.part}/${q.parts}`)).toEqual(["1/3", "1/3", "2/3", "3/3"]);
  });

  it("never carries which stance an option stands for or which one fits", () => {
    const text = JSON.stringify(questions[2]);
    expect(text).not.toContain("fitting");
    expect(text).not.toContain("stance");
    expect(text).not.toMatch(/"front"|"behind"|"servant"/);
  });

  it("refuses a step the instrument does not have", () => {
    expect(() =>
      questionsOf({ ...questionnaire, steps: [{ kind: "item", id: "nope" }] }),
    ).toThrow(/unknown question "nope"/);
  });

  it("tells a skip from an unanswered question and counts only real answers", () => {
    const r = record({ answers: { "front-01": 2, "behind-01": null }, choices: { crisis: "c" } });
    expect(questions.map((q) => answerOf(r, q))).toEqual([2, null, "c", undefined]);
    expect(countAnswered(r, questions)).toBe(2);
  });

  it("labels every point of the scale", () => {
    expect(scalePoints({ min: 0, max: 2, labels: ["No", "Maybe"] })).toEqual([
      { value: 0, label: "No" },
      { value: 1, label: "Maybe" },
      { value: 2, label: "2" },
    ]);
  });
});

describe("keys", () => {
  it("maps digits to answers within range, arrows and Enter to moves", () => {
    expect(keyAction("1", 5)).toEqual({ kind: "answer", index: 0 });
    expect(keyAction("5", 5)).toEqual({ kind: "answer", index: 4 });
    expect(keyAction("4", 3)).toBeNull();
    expect(keyAction("0", 5)).toBeNull();
    expect(keyAction("1", 0)).toBeNull();
    expect(keyAction("ArrowLeft", 5)).toEqual({ kind: "back" });
    expect(keyAction("ArrowRight", 5)).toEqual({ kind: "forward" });
    expect(keyAction("Enter", 0)).toEqual({ kind: "forward" });
    expect(keyAction("a", 5)).toBeNull();
  });

  it("finishes with Enter on the finish screen, where → has nowhere to go", () => {
    expect(keyAction("Enter", 0, true)).toEqual({ kind: "finish" });
    expect(keyAction("ArrowLeft", 0, true)).toEqual({ kind: "back" });
  });
});
