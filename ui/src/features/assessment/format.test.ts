import { describe, expect, it } from "vitest";
import { dateLabels, describeScores, formatChange, formatScore, formatShare, humanise } from "./format";

describe("humanise", () => {
  it("turns a library id into a sentence-case name", () => {
    expect(humanise("let-others-go-first")).toBe("Let others go first");
    expect(humanise("real-break")).toBe("Real break");
    expect(humanise("walk_at_the--back")).toBe("Walk at the back");
    expect(humanise("listen")).toBe("Listen");
    expect(humanise("")).toBe("");
  });
});

describe("scores", () => {
  it("keeps Rust's one decimal and never invents a number for a missing score", () => {
    expect(formatScore(62.5)).toBe("62.5");
    expect(formatScore(100)).toBe("100.0");
    expect(formatScore(0)).toBe("0.0");
    expect(formatScore(null)).toBe("Not enough answers");
    expect(formatShare(33.35)).toBe("33%");
  });

  it("signs a change and rounds away floating-point noise", () => {
    expect(formatChange(50, 62.5)).toBe("+12.5");
    expect(formatChange(62.5, 50)).toBe("−12.5");
    expect(formatChange(40.1, 40.1)).toBe("no change");
    expect(formatChange(0.1 + 0.2, 0.3)).toBe("no change");
    expect(formatChange(null, 50)).toBeNull();
    expect(formatChange(50, null)).toBeNull();
  });

  it("reads the three scores as one sentence for a chart's label", () => {
    expect(describeScores({ front: 70, behind: null, servant: 12.5 })).toBe(
      "Front 70.0, Behind Not enough answers, Servant 12.5",
    );
  });
});

describe("dateLabels", () => {
  it("adds the time only where two assessments share a day", () => {
    const labels = dateLabels(
      ["2026-09-01T10:00:00Z", "2026-11-20T09:00:00Z", "2026-11-20T15:30:00Z"],
      "en-GB",
    );
    expect(labels[0]).toMatch(/^1 Sept? 2026$/);
    expect(labels[1]).not.toBe(labels[2]);
    expect(labels[1]).toMatch(/^20 Nov 2026, \d\d:\d\d$/);
  });

  it("numbers assessments finished in the same minute", () => {
    const labels = dateLabels(
      ["2026-11-20T09:00:10Z", "2026-11-20T09:00:50Z", "2026-12-01T09:00:00Z"],
      "en-GB",
    );
    expect(labels[0]).toMatch(/^20 Nov 2026, \d\d:\d\d \(1\)$/);
    expect(labels[1]).toMatch(/^20 Nov 2026, \d\d:\d\d \(2\)$/);
    expect(labels[2]).toBe("1 Dec 2026");
  });
});
