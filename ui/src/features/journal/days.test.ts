import { describe, expect, it } from "vitest";
import type { JournalEntry } from "../../api/exercises";
import { formatDay, groupByDay, localDay, shownText } from "./days";

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

  it("shows when a conflict's losing text was written in the person's own time", () => {
    const copy =
      "Kept from a sync conflict: a check-in note written on Laptop at 2026-12-07 16:27 UTC, replaced by a later change.\n\nAt 2026-12-07 16:27 UTC I waited.";
    const shown = shownText(copy, "en-GB", "Europe/Berlin");
    expect(shown).toBe(
      "Kept from a sync conflict: a check-in note written on Laptop at 7 Dec 2026, 17:27, replaced by a later change.\n\nAt 2026-12-07 16:27 UTC I waited.",
    );
    // Across midnight in New York, the day moves too.
    expect(shownText(copy.replace("16:27", "03:05"), "en-GB", "America/New_York")).toContain("at 6 Dec 2026, 22:05,");
    // What the person wrote is never rewritten, nor a note that is not such a copy.
    const own = "Met at 2026-12-07 16:27 UTC.";
    expect(shownText(own, "en-GB", "Europe/Berlin")).toBe(own);
  });
});
