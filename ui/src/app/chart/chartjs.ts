// Chart.js and its matrix plugin (for calendar heatmaps), loaded only when a screen first draws a
// chart, so the first screen opens without them. Only the pieces our charts use are registered;
// the rest of the library is tree-shaken away.
import type { Chart, ChartConfiguration } from "chart.js";
// For its types only: the plugin adds the "matrix" chart type to Chart.js's registry.
import type {} from "chartjs-chart-matrix";

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
        lib.Tooltip,
        lib.Legend,
      );
      return lib.Chart;
    })
    .catch((err: unknown) => {
      // Let a later screen try again rather than remember the failure forever.
      loading = null;
      throw err;
    });
  return loading;
}
