import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Chart.js itself needs a real canvas; a stand-in records what would have been drawn.
const drawn: { canvas: HTMLCanvasElement; inDocument: boolean; type: string }[] = [];
const destroyed = vi.fn();
vi.mock("chart.js", () => {
  class Chart {
    static register = vi.fn();
    static defaults = { font: { family: "" } };
    constructor(canvas: HTMLCanvasElement, config: { type: string }) {
      drawn.push({ canvas, inDocument: canvas.isConnected, type: config.type });
    }
    destroy = destroyed;
  }
  const piece = {};
  return {
    Chart,
    RadarController: piece,
    LineController: piece,
    BarController: piece,
    RadialLinearScale: piece,
    LinearScale: piece,
    CategoryScale: piece,
    PointElement: piece,
    LineElement: piece,
    BarElement: piece,
    Filler: piece,
    Decimation: piece,
    Tooltip: piece,
    Legend: piece,
  };
});
vi.mock("chartjs-chart-matrix", () => ({ MatrixController: {}, MatrixElement: {} }));

/** A fresh copy of the module, so each test starts before any chart was asked for. */
async function freshModule() {
  vi.resetModules();
  return import("./chartjs");
}

let context: unknown;
beforeEach(() => {
  drawn.length = 0;
  destroyed.mockClear();
  context = {};
  // jsdom has no 2D canvas; the warm-up only needs to know whether one exists.
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(() => context as never);
});
afterEach(() => vi.restoreAllMocks());

describe("warming the charts up", () => {
  it("draws one chart off screen and leaves nothing behind", async () => {
    const { warmUpCharts } = await freshModule();
    await warmUpCharts();
    expect(drawn).toHaveLength(1);
    expect(drawn[0]?.inDocument).toBe(true);
    expect(drawn[0]?.canvas.getAttribute("aria-hidden")).toBe("true");
    expect(destroyed).toHaveBeenCalledTimes(1);
    expect(document.querySelector("canvas")).toBeNull();
    // In the page's font, as every chart after it (jsdom has no theme: the fallback).
    const { Chart } = await import("chart.js");
    expect(Chart.defaults.font.family).toBe("sans-serif");
  });

  it("happens once however often home asks", async () => {
    const { warmUpCharts } = await freshModule();
    await Promise.all([warmUpCharts(), warmUpCharts()]);
    await warmUpCharts();
    expect(drawn).toHaveLength(1);
  });

  it("is left out once a screen has loaded the charts itself", async () => {
    const { loadChart, warmUpCharts } = await freshModule();
    await loadChart();
    await warmUpCharts();
    expect(drawn).toHaveLength(0);
  });

  it("draws nothing where a canvas cannot draw, and still cleans up", async () => {
    context = null;
    const { warmUpCharts } = await freshModule();
    await warmUpCharts();
    expect(drawn).toHaveLength(0);
    expect(document.querySelector("canvas")).toBeNull();
  });
});
