import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nav } from "../../app/nav.svelte";
import { fakeRust, questionnaire, record, scored } from "./fixtures";
import Questionnaire from "./Questionnaire.svelte";

function rust(open = record(), extra: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  return fakeRust({
    get_questionnaire: () => questionnaire,
    start_assessment: () => open,
    answer_item: () => null,
    answer_scenario: () => null,
    move_in_assessment: () => null,
    finish_assessment: () => scored(open.id, "2026-11-02T10:00:00Z"),
    ...extra,
  });
}

const heading = () => screen.getByRole("heading", { level: 1 });
const pressed = () =>
  screen.queryAllByRole("button", { pressed: true }).map((b) => b.textContent?.replace(/\s+/g, " ").trim());

beforeEach(() => nav.go({ name: "assessment" }));

describe("the questionnaire", () => {
  it("answers with a number key, saves it with the next position and moves on", async () => {
    const calls = rust();
    render(Questionnaire);
    await vi.waitFor(() => expect(heading().textContent).toContain("set the pace."));
    expect(heading().textContent).toContain("In the last month, I…");
    expect(document.activeElement).toBe(heading());
    expect(screen.getByText("Question 1 of 4")).toBeTruthy();

    await userEvent.keyboard("3");
    await vi.waitFor(() => expect(heading().textContent).toContain("let someone go first."));
    expect(calls).toContainEqual([
      "answer_item",
      { assessmentId: 7, itemId: "front-01", value: 3, position: 1 },
    ]);
    expect(screen.getByText("Question 2 of 4")).toBeTruthy();
    expect(document.activeElement).toBe(heading());

    await userEvent.keyboard("{ArrowLeft}");
    await vi.waitFor(() => expect(heading().textContent).toContain("set the pace."));
    expect(calls).toContainEqual(["move_in_assessment", { assessmentId: 7, position: 0 }]);
    expect(pressed()).toEqual(["3 Sometimes"]);
  });

  it("goes forward with → and Enter without answering", async () => {
    const calls = rust();
    render(Questionnaire);
    await vi.waitFor(() => expect(heading().textContent).toContain("set the pace."));
    await userEvent.keyboard("{ArrowRight}");
    await vi.waitFor(() => expect(heading().textContent).toContain("let someone go first."));
    await userEvent.keyboard("{Enter}");
    await vi.waitFor(() => expect(heading().textContent).toBe("The crisis"));
    expect(calls.filter(([c]) => c.startsWith("answer_"))).toEqual([]);
  });

  it("saves a skip as null", async () => {
    const calls = rust();
    render(Questionnaire);
    await vi.waitFor(() => expect(heading().textContent).toContain("set the pace."));
    await userEvent.click(screen.getByRole("button", { name: "Skip this question" }));
    await vi.waitFor(() => expect(heading().textContent).toContain("let someone go first."));
    expect(calls).toContainEqual([
      "answer_item",
      { assessmentId: 7, itemId: "front-01", value: null, position: 1 },
    ]);
  });

  it("resumes where it was left, with the earlier answer shown as chosen", async () => {
    rust(record({ position: 2, answers: { "front-01": 4, "behind-01": null }, choices: { crisis: "b" } }));
    render(Questionnaire);
    await vi.waitFor(() => expect(heading().textContent).toBe("The crisis"));
    expect(screen.getByText("Question 3 of 4")).toBeTruthy();
    expect(pressed()).toEqual(["2 Step in and take charge."]);
    // Nothing tells the person which option "fits".
    expect(document.body.textContent).not.toMatch(/fitting|front|servant/i);
  });

  it("answers a scenario with 1–3 and shows a save failure without moving on", async () => {
    const calls = rust(record({ position: 2 }), {
      answer_scenario: () => {
        throw { code: "storage", message: "The disk is full." };
      },
    });
    render(Questionnaire);
    await vi.waitFor(() => expect(heading().textContent).toBe("The crisis"));
    await userEvent.keyboard("4"); // only three options: ignored
    expect(calls.filter(([c]) => c === "answer_scenario")).toEqual([]);
    await userEvent.keyboard("1");
    expect((await screen.findByRole("alert")).textContent).toContain("The disk is full.");
    expect(heading().textContent).toBe("The crisis");
    expect(calls).toContainEqual([
      "answer_scenario",
      { assessmentId: 7, scenarioId: "crisis", optionId: "a", position: 3 },
    ]);
    expect(pressed()).toEqual([]);
  });

  it("counts the answers on the finish screen and opens the results", async () => {
    const calls = rust(record({ position: 4, answers: { "front-01": 4, "behind-01": null }, choices: { crisis: "b" } }));
    render(Questionnaire);
    await vi.waitFor(() => expect(heading().textContent).toBe("That's every question"));
    expect(screen.getByText("You answered 2 of 4.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "See my results" }));
    await vi.waitFor(() => expect(nav.route).toEqual({ name: "results", id: 7 }));
    expect(calls).toContainEqual(["finish_assessment", { assessmentId: 7 }]);
    expect(nav.hasResults).toBe(true);
  });

  it("opens the results with Enter on the finish screen", async () => {
    const calls = rust(record({ position: 4, answers: { "front-01": 4 } }));
    render(Questionnaire);
    await vi.waitFor(() => expect(heading().textContent).toBe("That's every question"));
    await userEvent.keyboard("{Enter}");
    await vi.waitFor(() => expect(nav.route).toEqual({ name: "results", id: 7 }));
    expect(calls).toContainEqual(["finish_assessment", { assessmentId: 7 }]);
  });
});
