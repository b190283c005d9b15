import { describe, expect, it } from "vitest";
import type { JournalEntry } from "../../api/exercises";
import { formatDay, groupByDay, localDay } from "./days";

const entry = (id: number, day: string): JournalEntry => ({
  id,
  kind: "note",
  day,
  stance: null,
  exercise_id: null,
  habit_id: null,
  habit_name: null,
  text: `entry ${id}`,
});

describe("journal days", () => {
  it("uses the local calendar date", () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    // Read as a local date: 2 November 2026 is a Monday in every time zone.
    expect(formatDay("2026-11-02", "en-GB")).toMatch(/^Monday,? 2 November 2026$/);
  });

  it("groups consecutive entries of a day, keeping their order", () => {
    const groups = groupByDay([entry(3, "2026-11-02"), entry(2, "2026-11-02"), entry(1, "2026-10-30")]);
    expect(groups.map((g) => [g.day, g.entries.map((e) => e.id)])).toEqual([
      ["2026-11-02", [3, 2]],
      ["2026-10-30", [1]],
    ]);
  });
});
