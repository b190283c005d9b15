import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ExerciseRun } from "../../api/exercises";
import { bell } from "./bell.svelte";
import { fakeRust, habitOverview, pause, run, type Handlers } from "./fixtures";
import Player from "./Player.svelte";

vi.mock("./bell.svelte", () => ({
  bell: { state: { kind: "off" }, rung: 0, prepare: vi.fn(), ring: vi.fn() },
  loadMuted: () => false,
  saveMuted: vi.fn(),
}));

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(bell.ring).mockClear();
  vi.mocked(bell.prepare).mockClear();
});
afterEach(() => vi.useRealTimers());

const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
const heading = () => screen.getByRole("heading", { level: 1 });

function rust(open: ExerciseRun = run(), extra: Handlers = {}) {
  return fakeRust({
    get_exercises: () => [pause],
    start_exercise: () => open,
    get_habits: () => [habitOverview("listen-before-speaking", "Listen before speaking")],
    save_reflection: () => null,
    move_in_exercise: () => null,
    finish_exercise: () => ({ ...open, finished_at: "2026-11-02T09:05:00Z" }),
    ...extra,
  });
}

describe("the exercise player", () => {
  it("starts the exercise with its programme item and runs the step's timer with Space", async () => {
    const calls = rust();
    render(Player, { exerciseId: "quick-pause", programmeItem: "day-1-pause" });
    await vi.waitFor(() => expect(heading().textContent).toBe("Step 1 of 2"));
    expect(calls).toContainEqual(["start_exercise", { exerciseId: "quick-pause", programmeItem: "day-1-pause" }]);
    expect(screen.getByRole("timer").textContent?.trim()).toBe("0:03");

    await user().keyboard(" ");
    // Starting the timer is the key press a web view wants before it lets sound start.
    expect(bell.prepare).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1000);
    await vi.waitFor(() => expect(screen.getByRole("timer").textContent?.trim()).toBe("0:02"));
    await user().keyboard(" ");
    expect(screen.getByText("Paused")).toBeTruthy();
    vi.advanceTimersByTime(5000);
    expect(screen.getByRole("timer").textContent?.trim()).toBe("0:02");
    expect(bell.ring).not.toHaveBeenCalled();

    await user().click(screen.getByRole("button", { name: "Resume" }));
    vi.advanceTimersByTime(2200);
    await vi.waitFor(() => expect(screen.getByRole("timer").textContent?.trim()).toBe("0:00"));
    expect(bell.ring).toHaveBeenCalledExactlyOnceWith("end");
    expect(screen.getByText(/Time's up/)).toBeTruthy();
  });

  it("saves a reflection after a pause in typing, and says Saved only once Rust confirms", async () => {
    let confirm = () => {};
    const calls = rust(run({ step: 1 }), {
      save_reflection: () => new Promise<null>((resolve) => (confirm = () => resolve(null))),
    });
    render(Player, { exerciseId: "quick-pause" });
    const box = await screen.findByLabelText("My first question will be…");
    // A reflection may be written right to left: the box follows the text.
    expect(box.getAttribute("dir")).toBe("auto");
    await user().type(box, "What worries you?");
    expect(calls.filter(([c]) => c === "save_reflection")).toEqual([]);

    vi.advanceTimersByTime(400);
    await vi.waitFor(() =>
      expect(calls).toContainEqual([
        "save_reflection",
        { runId: 11, step: 1, promptId: "first-question", answer: { kind: "text", value: "What worries you?" } },
      ]),
    );
    expect(screen.getByText("Saving…")).toBeTruthy();
    expect(screen.queryByText("Saved")).toBeNull();
    confirm();
    expect(await screen.findByText("Saved")).toBeTruthy();
    expect(calls.filter(([c]) => c === "save_reflection")).toHaveLength(1);
  });

  it("saves a rating at once and moves on with → to the step after", async () => {
    const calls = rust(run({ step: 1 }));
    render(Player, { exerciseId: "quick-pause" });
    const four = await screen.findByRole("button", { name: "4" });
    await user().click(four);
    await vi.waitFor(() =>
      expect(calls).toContainEqual([
        "save_reflection",
        { runId: 11, step: 1, promptId: "ready", answer: { kind: "rating", value: 4 } },
      ]),
    );
    expect(four.getAttribute("aria-pressed")).toBe("true");
    heading().focus();
    await user().keyboard("{ArrowRight}");
    await vi.waitFor(() => expect(heading().textContent).toBe("You've reached the end"));
    expect(calls).toContainEqual(["move_in_exercise", { runId: 11, step: 2 }]);
  });

  it("resumes a run at its saved step with its saved reflections", async () => {
    const open = run({
      step: 1,
      reflections: [
        { prompt_id: "first-question", step: 1, text: "How are you, really?", rating: null },
        { prompt_id: "ready", step: 1, text: null, rating: 2 },
      ],
    });
    const calls = rust(open);
    render(Player, { run: open });
    await vi.waitFor(() => expect(heading().textContent).toBe("Step 2 of 2"));
    expect((screen.getByLabelText("My first question will be…") as HTMLTextAreaElement).value).toBe(
      "How are you, really?",
    );
    expect(screen.getByRole("button", { name: "2" }).getAttribute("aria-pressed")).toBe("true");
    expect(calls.map(([c]) => c)).not.toContain("start_exercise");

    await user().keyboard("{ArrowLeft}");
    await vi.waitFor(() => expect(heading().textContent).toBe("Step 1 of 2"));
    expect(calls).toContainEqual(["move_in_exercise", { runId: 11, step: 0 }]);
  });

  it("finishes with the linked habit checked in when the box stays ticked", async () => {
    const calls = rust(run({ step: 2 }));
    const onfinished = vi.fn();
    render(Player, { exerciseId: "quick-pause", onfinished });
    const box = await screen.findByRole("checkbox", {
      name: "Check in “Listen before speaking” today, with your reflection added to its note",
    });
    expect((box as HTMLInputElement).checked).toBe(true);
    await user().click(screen.getByRole("button", { name: "Finish the exercise" }));
    await vi.waitFor(() => expect(onfinished).toHaveBeenCalledOnce());
    expect(calls).toContainEqual(["finish_exercise", { runId: 11, checkInHabit: true }]);
  });

  it("finishes without a check-in when the box is unticked or the person lacks the habit", async () => {
    const calls = rust(run({ step: 2 }));
    render(Player, { exerciseId: "quick-pause" });
    await user().click(await screen.findByRole("checkbox"));
    await user().click(screen.getByRole("button", { name: "Finish the exercise" }));
    await vi.waitFor(() => expect(calls).toContainEqual(["finish_exercise", { runId: 11, checkInHabit: false }]));
  });

  it("offers no check-in for a habit the person has not added", async () => {
    rust(run({ step: 2 }), { get_habits: () => [] });
    render(Player, { exerciseId: "quick-pause" });
    expect(await screen.findByText(/goes with the habit “Listen before speaking”/)).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();
  });

  it("keeps the step when a save fails and shows why", async () => {
    rust(run({ step: 1 }), {
      save_reflection: () => {
        throw { code: "storage", message: "The disk is full." };
      },
    });
    render(Player, { exerciseId: "quick-pause" });
    await user().type(await screen.findByLabelText("My first question will be…"), "Hello");
    await user().click(screen.getByRole("button", { name: /To the end/ }));
    expect((await screen.findByRole("alert")).textContent).toContain("The disk is full.");
    expect(heading().textContent).toBe("Step 2 of 2");
    expect(screen.getByText("Not saved yet")).toBeTruthy();
  });
});
