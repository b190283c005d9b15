import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { nav } from "../../app/nav.svelte";
import { fakeRust } from "../assessment/fixtures";
import AddHabit from "./AddHabit.svelte";
import { habitRecord, library, overview } from "./fixtures";

beforeEach(() => nav.go({ name: "add-habit" }));

describe("adding a habit", () => {
  it("browses the library by stance and adds a habit with one click", async () => {
    const calls = fakeRust({
      get_habit_library: () => library,
      get_habits: () => [overview({}, { library_id: "real-break", name: "Take a real break" })],
      add_library_habit: (a) => habitRecord({ id: 9, library_id: a["libraryId"] as string }),
    });
    render(AddHabit);
    const behind = await screen.findByRole("region", { name: "Leading from behind" });
    expect(within(behind).getByText("When someone else goes first they set the pace.")).toBeTruthy();
    const rest = screen.getByRole("region", { name: "Rest and recharge" });
    expect(within(rest).getByText("Added ✓")).toBeTruthy();
    expect(screen.getByText("000 §Choosing to Lead from the Back")).toBeTruthy();

    await userEvent.click(within(behind).getByRole("button", { name: /^Add\s*: Let someone else go first$/ }));
    expect(calls).toContainEqual(["add_library_habit", { libraryId: "let-others-go-first" }]);
    expect(await within(behind).findByText("Added ✓")).toBeTruthy();
  });

  it("says a measurable practice's target instead of a schedule", async () => {
    const meetings = {
      id: "own-plan-at-most",
      name: "Meetings opened with my own plan",
      stance: "front" as const,
      why: "Prepare well, then let the plan carry the meeting.",
      source: "004 §Plan well",
      schedule: { times: 1, days: 7 },
      measure: { unit: "meetings", target: 2, at_most: true },
    };
    fakeRust({ get_habit_library: () => [meetings], get_habits: () => [] });
    render(AddHabit);
    const front = await screen.findByRole("region", { name: "Leading from the front, when it fits" });
    expect(within(front).getByText("Suggested: at most 2 meetings a week")).toBeTruthy();
  });

  it("shows Rust's reason next to the form when it refuses an own habit", async () => {
    const calls = fakeRust({
      get_habit_library: () => library,
      get_habits: () => [],
      add_own_habit: () => {
        throw { code: "invalid_input", message: "A schedule of 9 times in 7 days is impossible." };
      },
    });
    render(AddHabit);
    await userEvent.click(screen.getByRole("button", { name: "Write your own" }));
    await userEvent.type(screen.getByLabelText("Name"), "Ask first");
    await userEvent.click(screen.getByRole("radio", { name: "Servant" }));
    await userEvent.click(screen.getByRole("radio", { name: /times a week/ }));
    const perWeek = screen.getByRole("spinbutton", { name: "Times a week" });
    await userEvent.clear(perWeek);
    await userEvent.type(perWeek, "9");
    await userEvent.click(screen.getByRole("button", { name: "Add this habit" }));

    expect(calls).toContainEqual(["add_own_habit", { habit: { name: "Ask first", stance: "servant", why: null, times: 9, days: 7, measure: null } }]);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("9 times in 7 days is impossible");
    expect(alert.id).toBe("habit-form-error");
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBe("true");
    expect(nav.route).toEqual({ name: "add-habit" });
  });

  it("opens the new habit once Rust has saved it", async () => {
    fakeRust({ get_habit_library: () => library, get_habits: () => [], add_own_habit: () => habitRecord({ id: 12, library_id: null }) });
    render(AddHabit);
    await userEvent.click(screen.getByRole("button", { name: "Write your own" }));
    await userEvent.type(screen.getByLabelText("Name"), "Walk at the back");
    await userEvent.click(screen.getByRole("button", { name: "Add this habit" }));
    await expect.poll(() => nav.route).toEqual({ name: "habit", id: 12 });
  });
});
