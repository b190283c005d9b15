import { describe, expect, it } from "vitest";
import { addDays, calendarWeeks, isoDay, relativeDay, weekday, weekStart } from "./days";
import { explainStrength } from "./explain";
import { explanation } from "./fixtures";
import { formatAmount, formatPercent, scheduleWording, stateWords } from "./format";
import { importHeadline, importLines } from "./importSummary";
import { moved } from "./order";
import { choiceFor, scheduleFrom } from "./schedule";

describe("schedule wording", () => {
  it.each([
    [1, 1, "every day"],
    [3, 7, "3 times a week"],
    [1, 7, "once a week"],
    [7, 7, "every day"],
    [2, 3, "2 times in 3 days"],
    [1, 2, "once every 2 days"],
    [4, 30, "4 times a month"],
    [1, 14, "once every two weeks"],
  ])("says %i in %i days as “%s”", (times, days, words) => {
    expect(scheduleWording({ times, days })).toBe(words);
  });
});

describe("the form's schedule", () => {
  it("round-trips each kind", () => {
    expect(scheduleFrom(choiceFor({ times: 1, days: 1 }))).toEqual({ times: 1, days: 1 });
    expect(scheduleFrom(choiceFor({ times: 3, days: 7 }))).toEqual({ times: 3, days: 7 });
    expect(scheduleFrom(choiceFor({ times: 2, days: 3 }))).toEqual({ times: 2, days: 3 });
  });

  it("sends an empty box as 0 so Rust explains what is wrong", () => {
    expect(scheduleFrom({ kind: "weekly", perWeek: null, times: 2, days: 3 })).toEqual({ times: 0, days: 7 });
    expect(scheduleFrom({ kind: "custom", perWeek: 3, times: 2.7, days: Number.NaN })).toEqual({ times: 2, days: 0 });
  });
});

describe("the explanation of strength", () => {
  it("says Rust's numbers in words, rounded, for a daily habit checked today", () => {
    expect(explainStrength(explanation, { times: 1, days: 1 }, "2026-11-22")).toEqual([
      "Each day you do it closes about 5% of the gap to full strength; without it, strength halves in about 13 days.",
      "You're at 42% now; doing it today would bring you to 45%; a week without it would take you to 30%.",
      "A day marked “not today” leaves the strength where it was, so a day with no chance costs nothing.",
    ]);
  });

  it("names the schedule and the next day when today is already done", () => {
    const e = { ...explanation, gain_share: 0.0338, half_life_days: 19.86, next_done_date: "2026-11-23", current: 0.995, if_done: 0.9952 };
    const [first, second] = explainStrength(e, { times: 3, days: 7 }, "2026-11-22");
    expect(first).toBe(
      "Each day you keep to 3 times a week closes about 3% of the gap to full strength; without it, strength halves in about 20 days.",
    );
    expect(second).toMatch(/^You're at 100% now; doing it tomorrow would keep you at 100%;/);
  });

  it("keeps one decimal for a gain under 1%", () => {
    const [first] = explainStrength({ ...explanation, gain_share: 0.004 }, { times: 1, days: 30 }, "2026-11-22");
    expect(first).toContain("about 0.4%");
  });
});

describe("numbers and states", () => {
  it("rounds shares to whole percentages without hiding a small one", () => {
    expect(formatPercent(0.4249)).toBe("42%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.003)).toBe("under 1%");
    expect(formatAmount(12)).toBe("12");
    expect(formatAmount(12.857)).toBe("12.9");
  });

  it("keeps 'no chance' apart from 'not done' and 'not entered'", () => {
    expect([stateWords("done"), stateWords("skipped"), stateWords("not_done"), stateWords(null)]).toEqual([
      "done",
      "no chance (skipped)",
      "not done",
      "not entered",
    ]);
  });
});

describe("calendar days", () => {
  it("uses the local date and steps over month ends and DST", () => {
    expect(isoDay(new Date(2026, 2, 29, 23, 30))).toBe("2026-03-29");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(weekday("2026-11-22")).toBe(6);
    expect(weekStart("2026-11-22")).toBe("2026-11-16");
    expect(relativeDay("2026-11-21", "2026-11-22")).toBe("yesterday");
  });

  it("lays out whole weeks, Monday first, ending with this week", () => {
    const weeks = calendarWeeks("2026-11-18", 2);
    expect(weeks.map((w) => [w[0], w[6]])).toEqual([
      ["2026-11-09", "2026-11-15"],
      ["2026-11-16", "2026-11-22"],
    ]);
  });
});

describe("reordering", () => {
  it("swaps with a neighbour and leaves the edges alone", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("an import's summary", () => {
  const summary = { habits_added: 8, habits_matched: 1, check_ins_added: 1, check_ins_unchanged: 0, notes_kept: 2, refused: [] };

  it("counts what came in, in words", () => {
    expect(importLines(summary)).toEqual([
      "8 habits added",
      "1 habit was already here from an earlier import (only new days added)",
      "1 check-in added",
      "0 days already recorded, left as they were",
      "2 notes kept on days without a check-in",
    ]);
    expect(importHeadline(summary)).toBe("Your Loop history is in Leadback.");
  });

  it("says so when a second import finds nothing new", () => {
    expect(importHeadline({ ...summary, habits_added: 0, check_ins_added: 0 })).toMatch(/^Nothing new to add/);
  });
});
