import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import ExerciseLibrary from "./ExerciseLibrary.svelte";
import { fakeRust, habitOverview, pause, run, walk } from "./fixtures";

vi.mock("./bell.svelte", () => ({
  bell: { state: { kind: "off" }, rung: 0, prepare: vi.fn(), ring: vi.fn() },
  loadMuted: () => true,
  saveMuted: vi.fn(),
}));

describe("the exercise library", () => {
  it("lists exercises by stance with their length, and starts one in the player", async () => {
    const calls = fakeRust({
      get_exercises: () => [pause, walk],
      get_open_exercise_run: () => null,
      start_exercise: () => run(),
      get_habits: () => [habitOverview("listen-before-speaking", "Listen before speaking")],
    });
    render(ExerciseLibrary);
    const behind = await screen.findByRole("region", { name: "Leading from behind" });
    expect(within(behind).getByRole("heading", { name: "The walk at the back" })).toBeTruthy();
    expect(within(behind).getByText("About 30 minutes")).toBeTruthy();
    const serving = screen.getByRole("region", { name: "Leading by serving" });
    expect(within(serving).getByText("About 1 minute")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Resume" })).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Start A pause before you speak" }));
    await vi.waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Step 1 of 2"));
    expect(calls).toContainEqual(["start_exercise", { exerciseId: "quick-pause", programmeItem: null }]);
  });

  it("offers to resume an unfinished run where it stopped", async () => {
    const open = run({ step: 1 });
    const calls = fakeRust({
      get_exercises: () => [pause, walk],
      get_open_exercise_run: () => open,
      get_habits: () => [],
    });
    render(ExerciseLibrary);
    expect(await screen.findByText(/You stopped part-way through “A pause before you speak”/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Resume A pause before you speak" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Resume" }));
    await vi.waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Step 2 of 2"));
    expect(calls.map(([c]) => c)).not.toContain("start_exercise");
  });

  it("shows why the library cannot load", async () => {
    fakeRust({
      get_exercises: () => {
        throw { code: "internal", message: "exercises/listen-first.toml, step 2: a timer of 0 seconds" };
      },
      get_open_exercise_run: () => null,
    });
    render(ExerciseLibrary);
    expect((await screen.findByRole("alert")).textContent).toContain("step 2: a timer of 0 seconds");
  });
});
