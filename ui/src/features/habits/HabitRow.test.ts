import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { nav } from "../../app/nav.svelte";
import { fakeRust } from "../assessment/fixtures";
import Home from "../home/Home.svelte";
import { deferred, detail, measuredOverview, overview } from "./fixtures";

const me = { id: 1, kind: "me" as const, name: "Ada", created_at: "", updated_at: "" };
const now = new Date(2026, 10, 22, 20, 0);

function rust(extra: Record<string, (a: Record<string, unknown>) => unknown>, habits = [overview()]) {
  return fakeRust({
    get_open_assessment: () => null,
    get_assessment_history: () => [],
    get_energy: () => [],
    get_habits: () => habits,
    get_habit_detail: () => detail({ entries: [] }),
    ...extra,
  });
}

beforeEach(() => nav.go({ name: "home" }));

describe("checking in from home", () => {
  it("sends today's date and shows the check-in only once Rust has saved it", async () => {
    const answer = deferred<unknown>();
    const calls = rust({
      check_in: () => answer.promise,
      // After the check-in Rust reports the new day, strength and streak.
      get_habits: () => [overview(calls.some(([c]) => c === "check_in") ? { today: "done", strength: 0.45 } : {})],
    });
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: "Let someone else go first" });
    const done = within(row).getByRole("button", { name: "Done" });
    await userEvent.click(done);

    await expect.poll(() => calls.some(([c]) => c === "check_in")).toBe(true);
    expect(calls).toContainEqual(["check_in", { habitId: 1, day: "2026-11-22", check: "done", note: null }]);
    expect(done.getAttribute("aria-pressed")).toBe("false");
    expect(within(row).queryByLabelText(/A note on today/)).toBeNull();

    answer.resolve({ habit_id: 1, day: "2026-11-22", state: "done", note: null });
    await expect.poll(() => done.getAttribute("aria-pressed")).toBe("true");
    // The row's numbers are Rust's: the list is read again after the check-in.
    expect(calls.filter(([c]) => c === "get_habits").length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => row.textContent).toContain("45%");

    const note = within(row).getByLabelText(/A note on today/);
    await userEvent.type(note, "Sam took the lead{Enter}");
    await expect.poll(() => calls.at(-1)?.[0]).toBe("check_in");
    expect(calls).toContainEqual(["check_in", { habitId: 1, day: "2026-11-22", check: "done", note: "Sam took the lead" }]);
    expect(await within(row).findByText("Saved")).toBeTruthy();
  });

  it("keeps today's earlier note when the state changes", async () => {
    const calls = rust({
      check_in: (a) => ({ habit_id: 1, day: a["day"], state: a["check"], note: a["note"] }),
    }, [overview({ today: "done", today_note: "Kept" })]);
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: "Let someone else go first" });
    await userEvent.click(within(row).getByRole("button", { name: "Not today" }));
    await expect.poll(() => calls.some(([c]) => c === "check_in")).toBe(true);
    expect(calls).toContainEqual(["check_in", { habitId: 1, day: "2026-11-22", check: "skipped", note: "Kept" }]);
  });

  it("shows why a check-in was refused and does not pretend it was saved", async () => {
    rust({
      check_in: () => {
        throw { code: "invalid_input", message: "You can't check in on a day after today." };
      },
    });
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: "Let someone else go first" });
    const didnt = within(row).getByRole("button", { name: "Didn't" });
    await userEvent.click(didnt);
    expect((await within(row).findByRole("alert")).textContent).toContain("day after today");
    expect(didnt.getAttribute("aria-pressed")).toBe("false");
    expect(within(row).queryByText("Saved")).toBeNull();
    expect(within(row).queryByLabelText(/A note on today/)).toBeNull();
  });

  it("lets a habit's name and today's note written right to left run their own way", async () => {
    rust({}, [overview({ today: "done", today_note: "قاد سامي الاجتماع" }, { name: "أدع غيري يبدأ" })]);
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: "أدع غيري يبدأ" });
    expect(within(row).getByRole("button", { name: "أدع غيري يبدأ" }).getAttribute("dir")).toBe("auto");
    await userEvent.click(within(row).getByRole("button", { name: "Add a note" }));
    const note = within(row).getByLabelText(/A note on today/) as HTMLInputElement;
    expect(note.value).toBe("قاد سامي الاجتماع");
    expect(note.getAttribute("dir")).toBe("auto");
  });

  it("shows each habit's schedule, strength, streak and last seven days", async () => {
    rust({}, [overview({}, { schedule: { times: 2, days: 3 } })]);
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: "Let someone else go first" });
    expect(row.textContent).toContain("2 times in 3 days");
    expect(within(row).getByRole("meter", { name: "Strength" }).getAttribute("value")).toBe("0.42");
    expect(row.textContent).toContain("42%");
    expect(row.textContent).toContain("Streak 3 days");
    const strip = within(row).getByRole("list", { name: /the last 7 days/ });
    const days = within(strip).getAllByRole("listitem").map((li) => li.textContent?.trim() ?? "");
    expect(days).toHaveLength(7);
    expect(days[6]).toMatch(/Sun.*22.*not entered$/);
    expect(days[3]).toMatch(/no chance \(skipped\)$/);
  });
});

describe("a measurable habit on home", () => {
  const listen = "Minutes of listening before speaking";

  it("saves today's amount on Enter, typed from the keyboard, and shows Rust's progress", async () => {
    const answer = deferred<unknown>();
    let entered = false;
    const calls = rust({
      enter_amount: () => {
        entered = true;
        return answer.promise;
      },
      get_habits: () => [measuredOverview(entered ? { today: "done", today_amount: 15, period_amount: 27, strength: 0.3 } : {})],
    });
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: listen });
    expect(row.textContent).toContain("at least 20 minutes a week");
    expect(row.textContent).toContain("12 of 20 minutes in the last 7 days");
    const field = within(row).getByRole("textbox", { name: "minutes" });
    expect(field.getAttribute("inputmode")).toBe("decimal");
    expect(within(row).queryByRole("button", { name: "Done" })).toBeNull();

    await userEvent.click(field);
    await userEvent.keyboard("15{Enter}");
    expect(calls).toContainEqual(["enter_amount", { habitId: 2, day: "2026-11-22", amount: 15, note: null }]);
    expect(within(row).queryByText("Saved")).toBeNull();
    answer.resolve({ habit_id: 2, day: "2026-11-22", state: "done", amount: 15, note: null });
    expect(await within(row).findByText("Saved")).toBeTruthy();
    await expect.poll(() => row.textContent).toContain("27 of 20 minutes in the last 7 days");
    expect((field as HTMLInputElement).value).toBe("15");
    // Leaving the field saves nothing more: the amount is already Rust's.
    await userEvent.tab();
    expect(calls.filter(([c]) => c === "enter_amount")).toHaveLength(1);
  });

  it("tabs to the field, and saves a decimal amount when the field is left", async () => {
    let amount = 5;
    const calls = rust({
      enter_amount: (a) => {
        amount = a["amount"] as number;
        return { habit_id: 2, day: a["day"], state: "done", amount, note: null };
      },
      get_habits: () => [measuredOverview({ today: "done", today_amount: amount })],
    });
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: listen });
    const field = within(row).getByRole("textbox", { name: "minutes" }) as HTMLInputElement;
    expect(field.value).toBe("5");
    within(row).getByRole("button", { name: listen }).focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(field);
    await userEvent.clear(field);
    await userEvent.type(field, "7.5");
    await userEvent.tab();
    expect(calls).toContainEqual(["enter_amount", { habitId: 2, day: "2026-11-22", amount: 7.5, note: null }]);
    expect(await within(row).findByText("Saved")).toBeTruthy();
  });

  it("refuses a negative or non-numeric amount before anything is sent, and Escape puts the saved one back", async () => {
    const calls = rust({ enter_amount: () => ({}) }, [measuredOverview({ today: "done", today_amount: 5 })]);
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: listen });
    const field = within(row).getByRole("textbox", { name: "minutes" }) as HTMLInputElement;
    await userEvent.clear(field);
    await userEvent.type(field, "-3{Enter}");
    expect((await within(row).findByRole("alert")).textContent).toContain("can't be negative");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    await userEvent.clear(field);
    await userEvent.type(field, "twelve{Enter}");
    expect(within(row).getByRole("alert").textContent).toContain('"twelve" is not a number; write it like 12 or 2.5.');
    await userEvent.clear(field);
    await userEvent.type(field, "2,5{Enter}");
    expect(within(row).getByRole("alert").textContent).toContain("Write decimals with a dot: 2.5");
    expect(calls.some(([c]) => c === "enter_amount")).toBe(false);

    await userEvent.keyboard("{Escape}");
    expect(field.value).toBe("5");
    expect(within(row).queryByRole("alert")).toBeNull();
    expect(field.getAttribute("aria-invalid")).toBeNull();
  });

  it("shows Rust's reason when it refuses the amount, and does not say Saved", async () => {
    rust({
      enter_amount: () => {
        throw { code: "invalid_input", message: "The amount is too large (5000000000); at most 1000000000" };
      },
    }, [measuredOverview()]);
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: listen });
    await userEvent.type(within(row).getByRole("textbox", { name: "minutes" }), "5000000000{Enter}");
    expect((await within(row).findByRole("alert")).textContent).toContain("too large");
    expect(within(row).queryByText("Saved")).toBeNull();
  });

  it("skips today, keeping the day's note, and says a ceiling as one", async () => {
    let skipped = false;
    const calls = rust({
      check_in: (a) => {
        skipped = true;
        return { habit_id: 3, day: a["day"], state: a["check"], amount: null, note: a["note"] };
      },
      get_habits: () => [
        measuredOverview(
          skipped
            ? { today: "skipped", today_amount: null, period_amount: 0, today_note: "Kept" }
            : { today: "done", today_amount: 1, period_amount: 1, today_note: "Kept" },
          { id: 3, name: "Meetings opened with my own plan", measure: { unit: "meetings", target: 2, at_most: true } },
        ),
      ],
    });
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: "Meetings opened with my own plan" });
    expect(row.textContent).toContain("at most 2 meetings a week");
    expect(row.textContent).toContain("1 of at most 2 meetings in the last 7 days");
    expect(row.textContent).toContain("Target met 3 days in a row");
    const strip = within(row).getByRole("list", { name: /the last 7 days/ });
    expect(within(strip).getAllByRole("listitem")[4]?.textContent).toMatch(/target met$/);
    expect(within(strip).getAllByRole("listitem")[2]?.textContent).toMatch(/target not met$/);

    const skip = within(row).getByRole("button", { name: "Not today" });
    await userEvent.click(skip);
    expect(calls).toContainEqual(["check_in", { habitId: 3, day: "2026-11-22", check: "skipped", note: "Kept" }]);
    await expect.poll(() => skip.getAttribute("aria-pressed")).toBe("true");
    expect((within(row).getByRole("textbox", { name: "meetings" }) as HTMLInputElement).value).toBe("");
  });

  it("keeps the amount when a note is written for today", async () => {
    const calls = rust({
      enter_amount: (a) => ({ habit_id: 2, day: a["day"], state: "done", amount: a["amount"], note: a["note"] }),
    }, [measuredOverview({ today: "done", today_amount: 15 })]);
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: listen });
    await userEvent.click(within(row).getByRole("button", { name: "Add a note" }));
    await userEvent.type(within(row).getByLabelText(/A note on today/), "Let Ana finish{Enter}");
    expect(calls).toContainEqual(["enter_amount", { habitId: 2, day: "2026-11-22", amount: 15, note: "Let Ana finish" }]);
  });
});

describe("coming back to the window", () => {
  it("reads today's habits again, so a check-in made elsewhere shows", async () => {
    let today: "done" | null = null;
    const calls = rust({ get_habits: () => [overview({ today })] });
    render(Home, { me, now });
    const row = await screen.findByRole("listitem", { name: "Let someone else go first" });
    const done = within(row).getByRole("button", { name: "Done" });
    expect(done.getAttribute("aria-pressed")).toBe("false");
    today = "done";
    window.dispatchEvent(new Event("focus"));
    await expect.poll(() => done.getAttribute("aria-pressed")).toBe("true");
    expect(calls.filter(([c]) => c === "get_energy")).toHaveLength(2);
  });
});

describe("home without habits", () => {
  it("offers the latest assessment's suggested habits from the library", async () => {
    const calls = fakeRust({
      get_open_assessment: () => null,
      get_assessment_history: () => [{ id: 5, completed_at: "2026-11-01T10:00:00Z", scores: { stances: { front: 60, behind: 40, servant: 50 } }, profile: { label: "Out in front" } }],
      get_assessment_result: () => ({ result: { suggestions: { habits: ["real-break"], exercises: [] } } }),
      get_energy: () => [],
      get_habits: () => [],
      get_habit_library: () => [{ id: "real-break", name: "Take a real break", stance: "rest", why: "Rest.", source: "", schedule: { times: 1, days: 1 } }],
      add_library_habit: () => ({}),
    });
    render(Home, { me, now });
    await userEvent.click(await screen.findByRole("button", { name: /^Add this habit\s*: Take a real break$/ }));
    expect(calls).toContainEqual(["add_library_habit", { libraryId: "real-break" }]);
    expect(await screen.findByText("Added ✓")).toBeTruthy();
  });
});
