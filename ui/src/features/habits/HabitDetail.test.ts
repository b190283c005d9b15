import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nav } from "../../app/nav.svelte";
import { fakeRust, rowTexts } from "../assessment/fixtures";
import type { Palette } from "../../app/chart/palette";
import type { CheckInRecord } from "../../api";
import {
  amountBars,
  amountConfig,
  dayStep,
  dayTicks,
  hasStrengthToDraw,
  heatmapCells,
  heatmapSpan,
  targetLine,
  weeklyStrengths,
} from "./charts";
import { formatDay } from "./days";
import { detail, explanation, measuredOverview, overview } from "./fixtures";
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
    const entries = [{ habit_id: 1, day: "2026-11-20", state: "done" as const, amount: null, note: "قاد سامي الاجتماع" }];
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

const amounts: CheckInRecord[] = [
  { habit_id: 2, day: "2026-11-10", state: "done", amount: 10, note: null },
  { habit_id: 2, day: "2026-11-16", state: "done", amount: 5, note: null },
  { habit_id: 2, day: "2026-11-18", state: "skipped", amount: null, note: null },
  { habit_id: 2, day: "2026-11-20", state: "done", amount: 7, note: "Let Ana finish" },
  { habit_id: 2, day: "2026-11-22", state: "done", amount: 15, note: null },
];
const listening = { unit: "minutes", target: 20, at_most: false };

function measuredDetail() {
  return detail({
    overview: measuredOverview({ today: "done", today_amount: 15, period_amount: 27, strength: 0.3 }),
    entries: amounts,
    strength: [
      { date: "2026-11-10", strength: 0.01 },
      { date: "2026-11-22", strength: 0.3 },
    ],
    explanation: { ...explanation, frequency: 1 / 7, gain_share: 0.01996, half_life_days: 34.4, current: 0.3, if_done: 0.314, after_week_without: 0.26, next_done_date: "2026-11-23" },
  });
}

describe("a measurable habit's screen", () => {
  it("says its target, counts streaks and months by the target met, and explains the strength by it", async () => {
    fakeRust({ get_habit_detail: measuredDetail, get_reminders: () => [] });
    render(HabitDetail, { id: 2, now });
    await screen.findByRole("heading", { level: 1, name: "Minutes of listening before speaking" });
    expect(document.querySelector(".eyebrow")?.textContent).toContain("at least 20 minutes a week");
    const numbers = screen.getByRole("region", { name: "Where it stands" });
    const text = numbers.textContent?.replace(/\s+/g, " ") ?? "";
    expect(text).toMatch(/Current streak \(target met\) 3 days/);
    expect(text).toMatch(/Best streak \(target met\) 5 days/);
    expect(text).toContain(
      "Each day on which your last 7 days meet the target closes about 2% of the gap to full strength; part of the way there closes part of that; with nothing entered, strength halves in about 34 days.",
    );
    expect(text).toContain("You're at 30% now; meeting the target tomorrow would bring you to 31%; a week with nothing more entered would take you to 26%.");
    expect(rowTexts(screen.getByRole("table", { name: /days the target was met/ }))[0]).toBe("Month Target met Skipped Days counted Completion");
    expect(screen.getByRole("region", { name: "Target met, week by week" })).toBeTruthy();
  });

  it("charts the minutes week by week against the target, with the amounts in the tables", async () => {
    fakeRust({ get_habit_detail: measuredDetail, get_reminders: () => [] });
    render(HabitDetail, { id: 2, now });
    const chart = await screen.findByRole("region", { name: "Minutes week by week" });
    expect(chart.textContent).toContain("The dashed line is your target: at least 20 minutes a week.");
    const weeks = rowTexts(within(chart).getByRole("table"));
    expect(weeks[0]).toBe("Week Minutes");
    expect(weeks[1]).toMatch(/^Week of .*16.* 27 minutes$/);
    expect(weeks[2]).toMatch(/^Week of .*9.* 10 minutes$/);

    const heat = screen.getByRole("region", { name: "The last six months" });
    const days = rowTexts(within(heat).getByRole("table"));
    expect(days[0]).toBe("Day Amount Note");
    expect(days[1]?.trim()).toBe(`${formatDay("2026-11-22")} 15 minutes`);
    expect(days[2]).toBe(`${formatDay("2026-11-20")} 7 minutes Let Ana finish`);
    expect(days[3]?.trim()).toBe(`${formatDay("2026-11-18")} no chance (skipped)`);
  });

  it("back-fills a past day with an amount, or skips it, instead of done and not done", async () => {
    const calls = fakeRust({
      get_habit_detail: measuredDetail,
      get_reminders: () => [],
      enter_amount: (a) => ({ habit_id: 2, day: a["day"], state: "done", amount: a["amount"], note: null }),
      check_in: (a) => ({ habit_id: 2, day: a["day"], state: a["check"], amount: null, note: a["note"] }),
    });
    render(HabitDetail, { id: 2, now });
    const grid = await screen.findByRole("table", { name: /Days of the last weeks/ });
    expect(within(grid).getByRole("button", { name: `${formatDay("2026-11-20")}: 7 minutes, with a note` })).toBeTruthy();
    expect(screen.getByText("Amount entered")).toBeTruthy();

    await userEvent.click(within(grid).getByRole("button", { name: `${formatDay("2026-11-19")}: not entered` }));
    const editor = screen.getByRole("region", { name: formatDay("2026-11-19") });
    expect(within(editor).queryByRole("button", { name: "Done" })).toBeNull();
    expect(within(editor).queryByRole("button", { name: "Didn't" })).toBeNull();
    await userEvent.type(within(editor).getByRole("textbox", { name: "minutes" }), "12{Enter}");
    expect(calls).toContainEqual(["enter_amount", { habitId: 2, day: "2026-11-19", amount: 12, note: null }]);
    expect(await within(editor).findByText("Saved")).toBeTruthy();
    await userEvent.type(within(editor).getByLabelText("Note (optional)"), "Waited for Sam{Enter}");
    expect(calls).toContainEqual(["enter_amount", { habitId: 2, day: "2026-11-19", amount: 12, note: "Waited for Sam" }]);

    await userEvent.click(within(grid).getByRole("button", { name: `${formatDay("2026-11-17")}: not entered` }));
    const tuesday = screen.getByRole("region", { name: formatDay("2026-11-17") });
    await userEvent.click(within(tuesday).getByRole("button", { name: "Not today" }));
    expect(calls).toContainEqual(["check_in", { habitId: 2, day: "2026-11-17", check: "skipped", note: null }]);
  });
});

const palette = { text: "#111111", muted: "#555555", grid: "#dddddd", accent: "#2f6b4f" } as Palette;

describe("a measurable habit's chart data", () => {
  it("adds amounts up per calendar week, Monday to Sunday, from the habit's first week to this one", () => {
    const { grouping, bars, target } = amountBars(amounts, listening, 7, "2026-11-22", "2026-11-01");
    expect(grouping).toBe("week");
    expect(target).toBe(20);
    expect(bars).toEqual([
      { start: "2026-10-26", end: "2026-11-01", amount: 0 },
      { start: "2026-11-02", end: "2026-11-08", amount: 0 },
      { start: "2026-11-09", end: "2026-11-15", amount: 10 },
      { start: "2026-11-16", end: "2026-11-22", amount: 27 },
    ]);
    // An old habit: the last twelve weeks, the current one ending today.
    const old = amountBars(amounts, listening, 7, "2026-11-19", "2020-01-01").bars;
    expect(old).toHaveLength(12);
    expect(old.at(-1)).toEqual({ start: "2026-11-16", end: "2026-11-19", amount: 5 });
  });

  it("adds up per day for a daily target and per calendar month for a monthly one, in exact thousandths", () => {
    const tenths: CheckInRecord[] = [
      { habit_id: 2, day: "2026-11-21", state: "done", amount: 0.1, note: null },
      { habit_id: 2, day: "2026-11-22", state: "done", amount: 0.2, note: null },
      { habit_id: 2, day: "2026-09-30", state: "done", amount: 4, note: null },
    ];
    const daily = amountBars([...amounts, ...tenths], listening, 1, "2026-11-22", "2026-11-20");
    expect(daily.grouping).toBe("day");
    expect(daily.bars.map((b) => [b.start, b.amount])).toEqual([
      ["2026-11-20", 7],
      ["2026-11-21", 0.1],
      ["2026-11-22", 15.2],
    ]);
    expect(amountBars(amounts, listening, 1, "2026-11-22", "2025-01-01").bars).toHaveLength(30);

    const monthly = amountBars([...amounts, ...tenths], listening, 30, "2026-11-22", "2026-09-15");
    expect(monthly.grouping).toBe("month");
    expect(monthly.bars).toEqual([
      { start: "2026-09-01", end: "2026-09-30", amount: 4 },
      { start: "2026-10-01", end: "2026-10-31", amount: 0 },
      { start: "2026-11-01", end: "2026-11-22", amount: 37.3 },
    ]);
    expect(monthly.target).toBe(20);
    expect(amountBars(amounts, listening, 30, "2026-01-10", "2025-11-20").bars.map((b) => b.start)).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
    ]);
  });

  it("draws the target as a dashed line across the whole chart, at the target's height", () => {
    const data = amountBars(amounts, listening, 7, "2026-11-22", "2026-11-01");
    const config = amountConfig(data, listening, palette);
    expect(config.data.datasets[0]?.data).toEqual([0, 0, 10, 27]);
    expect(config.data.labels).toHaveLength(4);
    // The axis leaves room above the line even when every bar is below it.
    const y = config.options?.scales?.["y"] as { suggestedMax: number };
    expect(y.suggestedMax).toBeGreaterThan(27);
    expect(amountConfig({ ...data, bars: [] }, listening, palette).options?.scales?.["y"]).toMatchObject({ suggestedMax: 23 });

    const plugin = config.plugins?.[0];
    expect(plugin?.id).toBe("targetLine");
    const drawn: unknown[] = [];
    const ctx = new Proxy({}, { get: (_t, name) => (...args: unknown[]) => drawn.push([name, ...args]), set: (_t, name, v) => (drawn.push([name, v]), true) });
    const chart = { ctx, chartArea: { left: 40, right: 600 }, scales: { y: { getPixelForValue: (v: number) => 300 - v * 10 } } };
    (plugin?.afterDatasetsDraw as (c: unknown) => void)(chart);
    expect(drawn).toContainEqual(["moveTo", 40, 100]);
    expect(drawn).toContainEqual(["lineTo", 600, 100]);
    expect(drawn).toContainEqual(["strokeStyle", "#111111"]);
    expect(drawn).toContainEqual(["setLineDash", [6, 4]]);

    // A period that is none of a day, a week or a month has no line to draw against its bars.
    const odd = amountBars(amounts, listening, 14, "2026-11-22", "2026-11-01");
    expect(odd.target).toBeNull();
    expect(amountConfig(odd, listening, palette).plugins).toEqual([]);
    expect(targetLine(5, "#000000").id).toBe("targetLine");
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
