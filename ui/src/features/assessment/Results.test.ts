import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { nav } from "../../app/nav.svelte";
import ExerciseLibrary from "../exercises/ExerciseLibrary.svelte";
import { run, walk } from "../exercises/fixtures";
import { fakeRust, rowTexts, scored } from "./fixtures";
import Results from "./Results.svelte";

vi.mock("../exercises/bell.svelte", () => ({
  bell: { state: { kind: "off" }, rung: 0, prepare: vi.fn(), ring: vi.fn() },
  loadMuted: () => true,
  saveMuted: vi.fn(),
}));

// jsdom has no canvas: the chart gives up quietly and the table carries the scores.
vi.mock("../../app/chart/chartjs", () => ({
  loadChart: () => Promise.reject(new Error("no canvas here")),
}));

describe("results", () => {
  it("says 'not enough answers' for an unscored stance instead of a number", async () => {
    const calls = fakeRust({ get_assessment_result: () => scored(3, "2026-11-02T10:00:00Z") });
    render(Results, { id: 3 });
    const title = await screen.findByRole("heading", { level: 1 });
    expect(title.textContent).toBe("Not enough answers yet");
    expect(calls[0]).toEqual(["get_assessment_result", { assessmentId: 3 }]);

    expect(rowTexts(screen.getByRole("table"))).toEqual([
      "Stance Score Where it sits",
      "Front 62.5 Out in front at times",
      "Behind Not enough answers —",
      "Servant 75.0 Often serving first",
    ]);
    const behind = screen.getByRole("article", { name: "Leading from behind" });
    expect(behind.textContent).toContain("Not enough answers to say anything here yet.");
    // Energy is unscored too; the balance needs all three stances.
    const energy = screen.getByRole("region", { name: "Energy and rest" });
    expect(energy.textContent).toContain("Not enough answers to say anything here yet.");
    expect(screen.getByText(/balance needs a score for all three/)).toBeTruthy();
  });

  it("shows the narrative, strengths, risks, and next steps with the library's habits", async () => {
    const calls = fakeRust({
      get_habit_library: () => [
        { id: "let-others-go-first", name: "Let someone else go first", stance: "behind", why: "They set the pace.", source: "", schedule: { times: 1, days: 1 } },
        { id: "listen-before-speaking", name: "Listen before speaking", stance: "servant", why: "Hear them out.", source: "", schedule: { times: 3, days: 7 } },
        { id: "real-break", name: "Take a real break", stance: "rest", why: "Rest.", source: "", schedule: { times: 1, days: 1 } },
      ],
      get_habits: () => [{ habit: { id: 4, library_id: "listen-before-speaking" } }],
      add_library_habit: () => ({}),
      get_assessment_result: () =>
        scored(3, "2026-11-02T10:00:00Z", {
          energy: { id: "high", label: "Rested and recharged", narrative: "Keep it.", strengths: [], risks: [] },
        }),
    });
    render(Results, { id: 3 });
    const front = await screen.findByRole("article", { name: "Leading from the front" });
    expect(front.textContent).toContain("Out in front at times narrative.");
    expect(front.textContent).toContain("Out in front at times strength.");
    expect(front.textContent).toContain("Out in front at times risk.");
    const next = screen.getByRole("region", { name: "Suggested next steps" });
    const habits = await within(next).findAllByRole("heading", { level: 4 });
    expect(habits.map((h) => h.textContent)).toEqual(["Let someone else go first", "Listen before speaking", "Take a real break"]);
    expect(within(next).getByText("They set the pace.")).toBeTruthy();
    // Already on my list: said so, with nothing to add.
    expect(within(next).getAllByText("Added ✓")).toHaveLength(1);
    await userEvent.click(within(next).getByRole("button", { name: /^Add this habit\s*: Take a real break$/ }));
    expect(calls).toContainEqual(["add_library_habit", { libraryId: "real-break" }]);
    await vi.waitFor(() => expect(within(next).getAllByText("Added ✓")).toHaveLength(2));
    // The exercise library did not answer: named from their ids, with nothing to click.
    expect(within(next).getByText("Walk at the back")).toBeTruthy();
    expect(within(next).getByText("Listen first")).toBeTruthy();
    expect(within(next).queryAllByRole("link")).toEqual([]);
    expect(screen.getByText("50%")).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByRole("img")).toBeNull());
  });

  it("opens a suggested exercise in the player, by its title", async () => {
    const calls = fakeRust({
      get_assessment_result: () => scored(3, "2026-11-02T10:00:00Z"),
      get_habit_library: () => [],
      get_habits: () => [],
      get_exercises: () => [walk],
      get_open_exercise_run: () => null,
      start_exercise: () => run({ exercise_id: "walk-at-the-back" }),
    });
    const { unmount } = render(Results, { id: 3 });
    const next = await screen.findByRole("region", { name: "Suggested next steps" });
    const open = await within(next).findByRole("button", { name: "The walk at the back" });
    // Not in the library: named, with nothing to click.
    expect(within(next).getByText("Listen first").tagName).toBe("LI");
    await userEvent.click(open);
    expect(nav.route).toEqual({ name: "exercises" });

    unmount();
    render(ExerciseLibrary);
    await vi.waitFor(() =>
      expect(calls).toContainEqual(["start_exercise", { exerciseId: "walk-at-the-back", programmeItem: null }]),
    );
  });

  it("names suggested exercises without a way into the app in the client's view", async () => {
    fakeRust({
      get_assessment_result: () => scored(3, "2026-11-02T10:00:00Z"),
      get_habit_library: () => [],
      get_habits: () => [],
      get_exercises: () => [walk],
    });
    render(Results, { id: 3, clientView: true });
    const next = await screen.findByRole("region", { name: "Suggested next steps" });
    expect(await within(next).findByText("The walk at the back")).toBeTruthy();
    expect(within(next).queryByRole("button", { name: "The walk at the back" })).toBeNull();
  });

  it("explains when the result cannot be loaded", async () => {
    fakeRust({
      get_assessment_result: () => {
        throw { code: "not_found", message: "There is no assessment 3." };
      },
    });
    render(Results, { id: 3 });
    expect((await screen.findByRole("alert")).textContent).toContain("There is no assessment 3.");
  });
});
