import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nav } from "../../app/nav.svelte";
import { fakeRust, rowTexts } from "../assessment/fixtures";
import { dayStep, dayTicks, hasStrengthToDraw, heatmapCells, heatmapSpan, weeklyStrengths } from "./charts";
import { formatDay } from "./days";
import { detail, overview } from "./fixtures";
import HabitDetail from "./HabitDetail.svelte";

vi.mock("../../app/chart/chartjs", () => ({
  loadChart: () => Promise.reject(new Error("no canvas here")),
}));

const now = new Date(2026, 10, 22, 20, 0);

beforeEach(() => nav.go({ name: "habit", id: 1 }));

describe("a habit's screen", () => {
  it("explains the strength with the person's own numbers, and shows the streaks", async () => {
    fakeRust({ get_habit_detail: () => detail(), get_reminders: () => [] });
    render(HabitDetail, { id: 1, now });
    expect(await screen.findByRole("heading", { level: 1, name: "Let someone else go first" })).toBeTruthy();
    const numbers = screen.getByRole("region", { name: "Where it stands" });
    const text = numbers.textContent?.replace(/\s+/g, " ") ?? "";
    expect(text).toMatch(/Current streak 3 days since/);
    expect(text).toMatch(/Best streak 5 days /);
    expect(numbers.textContent).toContain(
      "Each day you do it closes about 5% of the gap to full strength; without it, strength halves in about 13 days.",
    );
    expect(numbers.textContent).toContain("You're at 42% now; doing it today would bring you to 45%; a week without it would take you to 30%.");
    expect(rowTexts(screen.getByRole("table", { name: /Completion in each month/ }))).toEqual([
      "Month Done Skipped Asked for Completion",
      "November 2026 12 1 21 57%",
    ]);
  });

  it("lets a habit written right to left run its own way: name, why and notes", async () => {
    const habit = { name: "أدع غيري يبدأ", why: "ليأخذوا زمام المبادرة" };
    const entries = [{ habit_id: 1, day: "2026-11-20", state: "done" as const, note: "قاد سامي الاجتماع" }];
    fakeRust({ get_habit_detail: () => detail({ overview: overview({}, habit), entries }), get_reminders: () => [] });
    render(HabitDetail, { id: 1, now });
    const title = await screen.findByRole("heading", { level: 1, name: habit.name });
    expect(title.getAttribute("dir")).toBe("auto");
    expect(screen.getByText(habit.why).getAttribute("dir")).toBe("auto");
    // The note, in the check-ins table and in the field that edits it.
    expect(screen.getByText("قاد سامي الاجتماع").getAttribute("dir")).toBe("auto");
    expect(screen.getByLabelText("Note (optional)").getAttribute("dir")).toBe("auto");
  });

  it("shows a new habit from its first day, and says why its strength has no line yet", async () => {
    fakeRust({
      get_habit_detail: () => detail({ entries: [], strength: [{ date: "2026-11-22", strength: 0 }] }),
      get_reminders: () => [],
    });
    render(HabitDetail, { id: 1, now });
    const heat = await screen.findByRole("region", { name: "The last six months" });
    expect(heat.textContent).toMatch(/Since you started it on .*22.*: the calendar fills in week by week\./);
    const strength = screen.getByRole("region", { name: "Strength over time" });
    expect(strength.textContent).toContain("Strength appears here after the first check-ins");
  });

  it("back-fills a past day with a state and a note, and refuses nothing it shows as future", async () => {
    const calls = fakeRust({
      get_habit_detail: () => detail(),
      get_reminders: () => [],
      check_in: (a) => ({ habit_id: 1, day: a["day"], state: a["check"], note: a["note"] }),
    });
    render(HabitDetail, { id: 1, now });
    const grid = await screen.findByRole("table", { name: /Days of the last weeks/ });
    // 2026-11-22 is a Sunday: the whole last week is past or today; nothing after it is shown.
    expect(within(grid).getByRole("button", { name: `${formatDay("2026-11-22")} (today): not entered` })).toBeTruthy();
    const friday = within(grid).getByRole("button", { name: `${formatDay("2026-11-20")}: done, with a note` });
    expect(friday).toBeTruthy();

    await userEvent.click(within(grid).getByRole("button", { name: `${formatDay("2026-11-18")}: not entered` }));
    const editor = screen.getByRole("region", { name: formatDay("2026-11-18") });
    await userEvent.click(within(editor).getByRole("button", { name: "Didn't" }));
    expect(calls).toContainEqual(["check_in", { habitId: 1, day: "2026-11-18", check: "not_done", note: null }]);
    await userEvent.type(within(editor).getByLabelText("Note (optional)"), "Too tired to hold back{Enter}");
    expect(calls).toContainEqual(["check_in", { habitId: 1, day: "2026-11-18", check: "not_done", note: "Too tired to hold back" }]);
    expect(await within(editor).findByText("Saved")).toBeTruthy();

    await userEvent.click(friday);
    const fri = screen.getByRole("region", { name: formatDay("2026-11-20") });
    expect((within(fri).getByLabelText("Note (optional)") as HTMLInputElement).value).toBe("Sam led the stand-up.");
    await userEvent.click(within(fri).getByRole("button", { name: "Clear this day" }));
    expect(calls).toContainEqual(["check_in", { habitId: 1, day: "2026-11-20", check: null, note: null }]);
  });

  it("disables days after today in the calendar", async () => {
    fakeRust({ get_habit_detail: () => detail(), get_reminders: () => [] });
    render(HabitDetail, { id: 1, now: new Date(2026, 10, 18, 9, 0) });
    const grid = await screen.findByRole("table", { name: /Days of the last weeks/ });
    expect((within(grid).getByRole("button", { name: `${formatDay("2026-11-19")}: not entered` }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(grid).getByRole("button", { name: `${formatDay("2026-11-18")} (today): not entered` }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("the habit charts' data", () => {
  it("lays check-ins on a calendar of whole weeks up to today", () => {
    const cells = heatmapCells(detail().entries, "2026-11-22", 2);
    expect(cells).toHaveLength(14);
    expect(cells[0]).toEqual({ x: "2026-11-09", y: "Mon", day: "2026-11-09", state: null });
    expect(cells.find((c) => c.day === "2026-11-21")).toMatchObject({ x: "2026-11-16", y: "Sat", state: "skipped" });
    expect(heatmapCells([], "2026-11-18", 1).map((c) => c.day)).toEqual(["2026-11-16", "2026-11-17", "2026-11-18"]);
  });

  it("starts a young habit's calendar at its first day, its days the same size as an old one's", () => {
    // Added on Wednesday 18 November; today is Sunday 29 November.
    const span = heatmapSpan("2026-11-29", "2026-11-18", 26);
    expect(span.shown).toBe(2);
    expect(span.columns).toHaveLength(26);
    expect(span.columns.slice(0, 3)).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
    const cells = heatmapCells([], "2026-11-29", span.shown, "2026-11-18");
    expect(cells[0]?.day).toBe("2026-11-18");
    expect(cells.at(-1)?.day).toBe("2026-11-29");
    expect(cells).toHaveLength(12);
    // An old habit: the last 26 weeks, as before.
    const old = heatmapSpan("2026-11-29", "2024-01-01", 26);
    expect([old.shown, old.columns[0], old.columns.at(-1)]).toEqual([26, "2026-06-01", "2026-11-23"]);
  });

  it("draws a strength line only when there is one to see", () => {
    expect(hasStrengthToDraw([{ date: "2026-11-29", strength: 0.05 }])).toBe(false);
    expect(hasStrengthToDraw([{ date: "2026-11-28", strength: 0 }, { date: "2026-11-29", strength: 0 }])).toBe(false);
    expect(hasStrengthToDraw([{ date: "2026-11-28", strength: 0 }, { date: "2026-11-29", strength: 0.05 }])).toBe(true);
  });

  it("samples the strength at each week's end, and today", () => {
    const series = ["2026-11-14", "2026-11-15", "2026-11-16", "2026-11-22", "2026-11-23"].map((date, i) => ({ date, strength: i / 10 }));
    expect(weeklyStrengths(series, 12).map((s) => s.date)).toEqual(["2026-11-15", "2026-11-22", "2026-11-23"]);
  });
});

describe("the time axis", () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

  it("ticks on whole days, on Mondays once the step is a week or more", () => {
    expect(dayStep(day("2026-11-15"), day("2026-11-22"))).toBe(86_400_000);
    expect(dayStep(day("2026-09-01"), day("2026-11-22"))).toBe(14 * 86_400_000);
    expect(dayTicks(day("2026-11-15") - 3_600_000, day("2026-11-18"), 86_400_000).map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
      "2026-11-15",
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
    ]);
    expect(dayTicks(day("2026-11-01"), day("2026-11-30"), 7 * 86_400_000).map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
  });
});
