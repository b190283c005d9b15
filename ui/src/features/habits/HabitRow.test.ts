import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { nav } from "../../app/nav.svelte";
import { fakeRust } from "../assessment/fixtures";
import Home from "../home/Home.svelte";
import { deferred, detail, overview } from "./fixtures";

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
