// Chart.js, loaded only when a screen first draws a chart, so the first screen opens without it.
// Only the pieces our charts use are registered; the rest of the library is tree-shaken away.
import type { Chart } from "chart.js";

let loading: Promise<typeof Chart> | null = null;

export function loadChart(): Promise<typeof Chart> {
  loading ??= import("chart.js")
    .then((lib) => {
      lib.Chart.register(
        lib.RadarController,
        lib.LineController,
        lib.RadialLinearScale,
        lib.LinearScale,
        lib.CategoryScale,
        lib.PointElement,
        lib.LineElement,
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
