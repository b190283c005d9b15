import { describe, expect, it } from "vitest";
import { result } from "./fixtures";
import { comparePair, compareRows, toggleChoice } from "./selection";

describe("choosing two to compare", () => {
  it("adds and removes, and refuses a third", () => {
    expect(toggleChoice([], 4)).toEqual([4]);
    expect(toggleChoice([4], 2)).toEqual([4, 2]);
    expect(toggleChoice([4, 2], 9)).toEqual([4, 2]);
    expect(toggleChoice([4, 2], 4)).toEqual([2]);
  });

  it("puts the earlier assessment first whatever order they were chosen in", () => {
    const entries = [{ id: 1 }, { id: 5 }, { id: 3 }];
    expect(comparePair([3, 1], entries)).toEqual([1, 3]);
    expect(comparePair([3, 5], entries)).toEqual([5, 3]);
    expect(comparePair([3], entries)).toBeNull();
    expect(comparePair([3, 42], entries)).toBeNull();
  });

  it("lines the scores up with their changes", () => {
    const before = result().scores;
    const after = { ...before, stances: { front: 70, behind: 45, servant: 75 }, situational: 75 };
    expect(compareRows(before, after)).toEqual([
      { label: "Front", before: "62.5", after: "70.0", change: "+7.5" },
      { label: "Behind", before: "Not enough answers", after: "45.0", change: null },
      { label: "Servant", before: "75.0", after: "75.0", change: "no change" },
      { label: "Choosing the stance that fits (%)", before: "50.0", after: "75.0", change: "+25.0" },
      { label: "Energy and rest", before: "Not enough answers", after: "Not enough answers", change: null },
    ]);
  });
});
