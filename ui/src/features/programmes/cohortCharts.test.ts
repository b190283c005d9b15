import { describe, expect, it } from "vitest";
import { paletteFrom } from "../../app/chart/palette";
import type { Chart } from "chart.js";
import {
  changeConfig,
  changeKey,
  completionConfig,
  completionState,
  distributionConfig,
  hasDistribution,
  signed,
  withheldWords,
} from "./cohortCharts";
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

  it("key the change chart's bars in the colours they are drawn in, one stance at a time", () => {
    const config = changeConfig(summary, palette);
    const [, mean] = config.data.datasets;
    const legend = config.options?.plugins?.legend;
    const keys = legend?.labels?.generateLabels?.({} as Chart);
    expect(keys?.map((k) => [k.text, k.strokeStyle])).toEqual([
      ["Front: mean change", "#b34a00"],
      ["Servant: mean change", "#a23b78"],
      ["Spread of individual changes (±1 SD)", "#1f2421"],
    ]);
    // Each mean swatch is filled exactly as its bar is.
    expect(keys?.slice(0, 2).map((k) => k.fillStyle)).toEqual(mean?.backgroundColor);
    expect(changeKey({ ...summary, stances: summary.stances.map((s) => ({ ...s, change: null })) }, palette)).toEqual([]);
  });

  it("fit the score charts to their card's box, the ranges down the side, highest at the top", () => {
    const front = summary.stances[0];
    if (!front) throw new Error("the fixture starts with front");
    const options = distributionConfig(front, palette).options;
    expect(options?.maintainAspectRatio).toBe(false);
    expect(options?.indexAxis).toBe("y");
    expect(options?.scales?.["y"]).toMatchObject({ reverse: true });
  });

  it("leave out a completion chart with nothing to draw", () => {
    expect(completionState(summary)).toBe("drawn");
    expect(completionState({ ...summary, exercises: [] })).toBe("none");
    const withheld = summary.exercises.map((e) => ({ ...e, count: null, share: null }));
    expect(completionState({ ...summary, exercises: withheld })).toBe("withheld");
    const nobody = summary.exercises.map((e) => ({ ...e, count: 0, share: 0 }));
    expect(completionState({ ...summary, exercises: nobody })).toBe("nobody");
  });

  it("say a withheld number in words", () => {
    expect(withheldWords(summary)).toBe("Fewer than 3 — not shown");
  });

  it("write changes with their sign", () => {
    expect([signed(8.4), signed(-11.25), signed(0)]).toEqual(["+8.4", "−11.3", "0.0"]);
  });
});
