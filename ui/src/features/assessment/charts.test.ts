import { describe, expect, it } from "vitest";
import { canvasFont, paletteFrom, withAlpha } from "../../app/chart/palette";
import { radarConfig, trendConfig } from "./charts";

const palette = paletteFrom((v) => ({ "--accent": "#2f6b4f", "--earlier": "#6b736e", "--front": "#b34a00" })[v] ?? "");

describe("chart configurations", () => {
  it("draws one result in the accent colour and leaves a gap for a missing score", () => {
    const config = radarConfig([{ label: "Now", scores: { front: 70, behind: null, servant: 20 } }], palette);
    expect(config.data.labels).toEqual(["Front", "Behind", "Servant"]);
    const [only] = config.data.datasets;
    expect(only?.data).toEqual([70, null, 20]);
    expect(only?.borderColor).toBe("#2f6b4f");
    expect(config.options?.plugins?.legend?.display).toBe(false);
    expect(config.options?.scales?.["r"]).toMatchObject({ min: 0, max: 100 });
  });

  it("draws the earlier of two results dashed and grey, with a legend", () => {
    const scores = { front: 1, behind: 2, servant: 3 };
    const config = radarConfig([{ label: "Then", scores }, { label: "Now", scores }], palette);
    const [then, now] = config.data.datasets;
    expect(then?.borderColor).toBe("#6b736e");
    expect(then?.borderDash).toEqual([6, 4]);
    expect(now?.borderColor).toBe("#2f6b4f");
    expect(config.options?.plugins?.legend?.display).toBe(true);
  });

  it("gives each stance a line of its own over time", () => {
    const config = trendConfig(
      ["Sep", "Nov"],
      [
        { front: 80, behind: 40, servant: 55 },
        { front: null, behind: 45, servant: 60 },
      ],
      palette,
    );
    expect(config.data.labels).toEqual(["Sep", "Nov"]);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ["Front", [80, null]],
      ["Behind", [40, 45]],
      ["Servant", [55, 60]],
    ]);
    expect(config.data.datasets[0]?.borderColor).toBe("#b34a00");
  });
});

describe("palette", () => {
  it("falls back to grey and a system font when a variable is missing", () => {
    expect(palette.text).toBe("#777777");
    expect(palette.font).toBe("sans-serif");
  });

  it("gives charts the page's font: the stack's first family and its generic fallback", () => {
    expect(canvasFont(`system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, "Noto Sans", sans-serif`)).toBe(
      "system-ui, sans-serif",
    );
    expect(canvasFont(`"Iowan Old Style", Georgia, serif`)).toBe(`"Iowan Old Style", serif`);
    expect(canvasFont("serif")).toBe("serif");
    expect(canvasFont(" ")).toBe("sans-serif");
  });

  it("makes see-through fills from hex colours only", () => {
    expect(withAlpha("#2f6b4f", 0.2)).toBe("#2f6b4f33");
    expect(withAlpha("#2f6b4f", 2)).toBe("#2f6b4fff");
    expect(withAlpha("rgb(1, 2, 3)", 0.2)).toBe("rgb(1, 2, 3)");
  });
});
