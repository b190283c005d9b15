import { describe, expect, it } from "vitest";
import { habitWording, measureWording, parseAmount, progressWords } from "./measure";

const minutes = { unit: "minutes", target: 20, at_most: false };
const meetings = { unit: "meetings", target: 2, at_most: true };
const week = { times: 1, days: 7 };

describe("measurable habits in words", () => {
  it("says the target with its bound, unit and period", () => {
    expect(measureWording(minutes, week)).toBe("at least 20 minutes a week");
    expect(measureWording(meetings, week)).toBe("at most 2 meetings a week");
    expect(measureWording({ unit: "", target: 2.5, at_most: false }, { times: 1, days: 1 })).toBe("at least 2.5 a day");
    expect(measureWording(minutes, { times: 1, days: 30 })).toBe("at least 20 minutes a month");
    expect(habitWording({ schedule: { times: 3, days: 7 }, measure: null })).toBe("3 times a week");
  });

  it("sets the period's sum against the target, over the days Rust summed", () => {
    expect(progressWords(12, minutes, week)).toBe("12 of 20 minutes in the last 7 days");
    expect(progressWords(1, meetings, week)).toBe("1 of at most 2 meetings in the last 7 days");
    expect(progressWords(0.1 + 0.2, { unit: "", target: 5, at_most: false }, { times: 1, days: 1 })).toBe("0.3 of 5 today");
    expect(progressWords(45, minutes, { times: 1, days: 30 })).toBe("45 of 20 minutes in the last 30 days");
  });

  it("reads amounts as typed, and refuses what is not zero or more", () => {
    expect(parseAmount(" 12 ")).toEqual({ ok: true, amount: 12 });
    expect(parseAmount("2.5")).toEqual({ ok: true, amount: 2.5 });
    expect(parseAmount(".5")).toEqual({ ok: true, amount: 0.5 });
    expect(parseAmount("0")).toEqual({ ok: true, amount: 0 });
    expect(parseAmount("")).toEqual({ ok: true, amount: null });
    expect(parseAmount("-1")).toEqual({ ok: false, message: "The amount can't be negative (-1)." });
    expect(parseAmount("2,5")).toMatchObject({ ok: false, message: expect.stringContaining("2.5 rather than 2,5") });
    for (const raw of ["abc", "1e3", "Infinity", "NaN", "1.2.3", "12 min"]) {
      expect(parseAmount(raw)).toMatchObject({ ok: false, message: expect.stringContaining("is not a number") });
    }
  });
});
