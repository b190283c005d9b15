import { describe, expect, it } from "vitest";
import { paletteFrom } from "../../app/chart/palette";
import { changeConfig, completionConfig, distributionConfig, hasDistribution, signed } from "./cohortCharts";
import { summary } from "./fixtures";

const palette = paletteFrom(
  (v) => ({ "--front": "#b34a00", "--servant": "#a23b78", "--earlier": "#6b736e", "--text": "#1f2421" })[v] ?? "",
);
const names = { exercises: new Map([["walk-at-the-back", "The walk at the back"]]), habits: new Map<string, string>() };

describe("the cohort's charts", () => {
  it("draw the mean change of each stance Rust gave, with ±1 SD around it, and leave withheld ones out", () => {
    const config = changeConfig(summary, palette);
    expect(config.data.labels).toEqual(["Front", "Servant"]);
    const [spread, mean] = config.data.datasets;
    expect(mean?.data).toEqual([-11.2, 8.4]);
    expect(mean?.borderColor).toEqual(["#b34a00", "#a23b78"]);
    expect(spread?.data).toEqual([
      [expect.closeTo(-15.3), expect.closeTo(-7.1)],
      [expect.closeTo(6.4), expect.closeTo(10.4)],
    ]);
    // Centred on zero, wide enough for the largest whisker (11.2 + 4.1), in steps of 5.
    expect(config.options?.scales?.["y"]).toMatchObject({ min: -20, max: 20 });
  });

  it("draw a stance's scores before and after per range, with withheld counts as gaps", () => {
    const front = summary.stances[0];
    if (!front) throw new Error("the fixture starts with front");
    const config = distributionConfig(front, palette);
    expect(config.data.labels).toEqual(["0–20", "20–40", "40–60", "60–80", "80–100"]);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ["Before", [null, null, null, 3, null]],
      ["After", [null, null, 3, null, null]],
    ]);
    expect(config.data.datasets[1]?.backgroundColor).toBe("#b34a00");
    expect(summary.stances.map(hasDistribution)).toEqual([true, false, false]);
    const allHidden = { ...front, buckets: front.buckets.map((b) => ({ ...b, before: null, after: null })) };
    expect(hasDistribution(allHidden)).toBe(false);
  });

  it("draw completion as horizontal bars of the share, by exercise name, without withheld ones", () => {
    const config = completionConfig(summary, names, palette);
    expect(config.options?.indexAxis).toBe("y");
    expect(config.data.labels).toEqual(["The walk at the back"]);
    expect(config.data.datasets[0]?.data).toEqual([100]);
    expect(config.options?.scales?.["x"]).toMatchObject({ min: 0, max: 100 });
  });

  it("write changes with their sign", () => {
    expect([signed(8.4), signed(-11.25), signed(0)]).toEqual(["+8.4", "−11.3", "0.0"]);
  });
});
