// Chart.js and its matrix plugin (for calendar heatmaps), loaded only when a screen first draws a
// chart, so the first screen opens without them. Only the pieces our charts use are registered;
// the rest of the library is tree-shaken away.
import type { Chart, ChartConfiguration } from "chart.js";
// For its types only: the plugin adds the "matrix" chart type to Chart.js's registry.
import type {} from "chartjs-chart-matrix";
import { readPalette } from "./palette";

/** Every kind of chart the app draws. */
export type AnyChartConfiguration =
  | ChartConfiguration<"radar">
  | ChartConfiguration<"line">
  | ChartConfiguration<"bar">
  | ChartConfiguration<"matrix">;

let loading: Promise<typeof Chart> | null = null;

export function loadChart(): Promise<typeof Chart> {
  loading ??= Promise.all([import("chart.js"), import("chartjs-chart-matrix")])
    .then(([lib, matrix]) => {
      lib.Chart.register(
        lib.RadarController,
        lib.LineController,
        lib.BarController,
        matrix.MatrixController,
        lib.RadialLinearScale,
        lib.LinearScale,
        lib.CategoryScale,
        lib.PointElement,
        lib.LineElement,
        lib.BarElement,
        matrix.MatrixElement,
        lib.Filler,
        lib.Decimation,
        lib.Tooltip,
        lib.Legend,
      );
      // Every chart writes in the page's font (the stack cut short, see canvasFont), the warm-up's
      // too, so the font the first real chart needs is already resolved.
      lib.Chart.defaults.font.family = readPalette(document.documentElement).font;
      return lib.Chart;
    })
    .catch((err: unknown) => {
      // Let a later screen try again rather than remember the failure forever.
      loading = null;
      throw err;
    });
  return loading;
}

let warming: Promise<void> | null = null;

/**
 * Runs Chart.js once, on a one-pixel chart that is drawn and taken away in the same task, so the
 * first chart a person opens doesn't also pay for the library's code running for the first time
 * (the web view compiles each function the first time it runs). The home screen calls this when
 * it is idle. Measured on the demo dataset: the first chart of a session drew in 38–57 ms before,
 * 20–25 ms after, for 23–32 ms of idle work (benches/webview.sh) and about 6 MiB more in the web
 * process, which benches/startup.sh counts. Does nothing once a screen has asked for Chart.js
 * itself, nor where a canvas cannot draw.
 */
export function warmUpCharts(): Promise<void> {
  if (loading) return warming ?? Promise.resolve();
  warming ??= loadChart().then((ChartJs) => {
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    canvas.setAttribute("aria-hidden", "true");
    canvas.style.cssText = "position: fixed; left: -1px; top: -1px; width: 1px; height: 1px;";
    // Chart.js only draws on a canvas that is in the document.
    document.body.append(canvas);
    try {
      if (!canvas.getContext("2d")) return;
      const started = performance.now();
      const chart = new ChartJs(canvas, {
        type: "line",
        data: { labels: ["", ""], datasets: [{ label: "", data: [1, 2] }] },
        options: { animation: false, responsive: false },
      });
      chart.destroy();
      // For the webview benchmark: how long the idle work took, and that it ran.
      performance.measure?.("chart warm-up", { start: started });
    } finally {
      canvas.remove();
    }
  });
  return warming;
}
