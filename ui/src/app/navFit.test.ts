import { describe, expect, it } from "vitest";
import { itemsThatFit } from "./navFit";

describe("how much of the navigation fits", () => {
  const widths = [60, 70, 90, 80];
  const all = 60 + 70 + 90 + 80 + 3 * 4;

  it("shows every item, and no More button, when they fit", () => {
    expect(itemsThatFit(widths, all, 4, 70)).toBe(4);
    expect(itemsThatFit(widths, all - 0.4, 4, 70)).toBe(4);
  });

  it("keeps room for the More button once one item is too many", () => {
    // 70 (More) + 4 + 60 + 4 + 70 = 208: two items beside More, the other two in it.
    expect(itemsThatFit(widths, 210, 4, 70)).toBe(2);
    expect(itemsThatFit(widths, all - 1, 4, 70)).toBe(3);
  });

  it("shows only More when not even the first item fits beside it", () => {
    expect(itemsThatFit(widths, 100, 4, 70)).toBe(0);
  });
});
