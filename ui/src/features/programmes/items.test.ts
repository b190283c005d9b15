import { describe, expect, it } from "vitest";
import { plain } from "../../app/said";
import { doneStates, itemLabel } from "./items";
import { progress, retreat } from "./fixtures";

const names = { exercises: new Map([["walk-at-the-back", "The walk at the back"]]), habits: new Map<string, string>() };

describe("programme items", () => {
  it("say what they ask for, with names from the libraries", () => {
    const labels = retreat.days[0]?.items.map((item) => plain(itemLabel(item, names)));
    expect(labels).toEqual([
      "Take the self-assessment",
      "Exercise: The walk at the back",
      "Start the habit “Let others go first”",
      "Reflect: Who stepped up today?",
    ]);
  });

  it("keep a prompt apart from the app's words, as the facilitator wrote it", () => {
    const prompt = { kind: "prompt" as const, key: "ask", required: true, prompt: "من تقدّم اليوم؟" };
    expect(itemLabel(prompt, names)).toEqual(["Reflect: ", { written: "من تقدّم اليوم؟" }]);
  });

  it("are done exactly when Rust lists their key as done", () => {
    const states = doneStates(retreat, progress([1, 0], [0, 0], ["habit"]));
    expect(states["habit"]).toBe(true);
    expect([states["assessment-before"], states["walk"], states["listen"]]).toEqual([false, false, false]);
  });
});
