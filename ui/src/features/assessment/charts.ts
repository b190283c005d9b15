// Chart.js configurations for the assessment's charts, built from data and the theme's palette.
// Types only from chart.js here: the library itself is loaded lazily by ChartCanvas.
import type { ChartConfiguration, ChartDataset, PointStyle } from "chart.js";
import type { StanceScores } from "../../api";
import { withAlpha, type Palette } from "../../app/chart/palette";
import { STANCE_NAMES, STANCES } from "./format";

/** One outline on a radar chart: a named set of the three stance scores. */
export interface RadarSeries {
  label: string;
  scores: StanceScores;
}

// Shapes as well as colours, so the lines stay apart for people who don't see the colours apart.
const POINTS: Record<"front" | "behind" | "servant", PointStyle> = {
  front: "circle",
  behind: "rectRot",
  servant: "triangle",
};

function scoreAxis(palette: Palette) {
  return {
    min: 0,
    max: 100,
    ticks: { stepSize: 25, color: palette.muted },
    grid: { color: palette.grid },
  };
}

/**
 * The three stances as a radar: one series for a result, two (earlier dashed and grey, later in
 * the accent colour) for a comparison. A missing score leaves a gap rather than a made-up zero.
 */
export function radarConfig(
  series: readonly RadarSeries[],
  palette: Palette,
): ChartConfiguration<"radar"> {
  const colors = series.length > 1 ? [palette.earlier, palette.accent] : [palette.accent];
  const datasets: ChartDataset<"radar", (number | null)[]>[] = series.map((s, i) => {
    const color = colors[i] ?? palette.accent;
    const earlier = series.length > 1 && i === 0;
    return {
      label: s.label,
      data: STANCES.map((stance) => s.scores[stance]),
      borderColor: color,
      backgroundColor: withAlpha(color, earlier ? 0.08 : 0.2),
      pointBackgroundColor: color,
      borderDash: earlier ? [6, 4] : [],
      borderWidth: 2,
      pointRadius: 4,
      fill: true,
    };
  });
  const { ticks, grid, min, max } = scoreAxis(palette);
  return {
    type: "radar",
    data: { labels: STANCES.map((s) => STANCE_NAMES[s]), datasets },
    options: {
      animation: false,
      // Three axes make a triangle that sits high in a square; a wider box wastes less space.
      aspectRatio: 1.2,
      spanGaps: false,
      scales: {
        r: {
          min,
          max,
          ticks: { ...ticks, backdropColor: "transparent", showLabelBackdrop: false },
          grid,
          angleLines: { color: palette.grid },
          pointLabels: { color: palette.text, font: { size: 14, weight: "bold" } },
        },
      },
      plugins: {
        legend: { display: series.length > 1, labels: { color: palette.text } },
      },
    },
  };
}

/** Each stance's score over time, one line per stance, on labels that are already formatted. */
export function trendConfig(
  labels: readonly string[],
  scores: readonly StanceScores[],
  palette: Palette,
): ChartConfiguration<"line"> {
  const datasets: ChartDataset<"line", (number | null)[]>[] = STANCES.map((stance) => ({
    label: STANCE_NAMES[stance],
    data: scores.map((s) => s[stance]),
    borderColor: palette[stance],
    backgroundColor: palette[stance],
    pointStyle: POINTS[stance],
    pointRadius: 5,
    borderWidth: 2,
    borderDash: stance === "servant" ? [6, 4] : [],
    spanGaps: true,
    tension: 0,
  }));
  return {
    type: "line",
    data: { labels: [...labels], datasets },
    options: {
      animation: false,
      aspectRatio: 2.2,
      scales: {
        y: { ...scoreAxis(palette), title: { display: true, text: "Score", color: palette.muted } },
        x: { ticks: { color: palette.muted }, grid: { color: palette.grid } },
      },
      plugins: {
        legend: {
          labels: { color: palette.text, usePointStyle: true, boxHeight: 8, padding: 16 },
        },
      },
    },
  };
}

/**
 * The person's own view beside their observers' per stance, as grouped bars. A stance fewer than
 * three observers scored has no observers' bar at all: Rust sends no number for it.
 */
export function gapConfig(
  own: StanceScores,
  observers: Record<"front" | "behind" | "servant", number | null>,
  palette: Palette,
): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: STANCES.map((s) => STANCE_NAMES[s]),
      datasets: [
        {
          label: "Own view",
          data: STANCES.map((s) => own[s]),
          backgroundColor: withAlpha(palette.earlier, 0.6),
          borderColor: palette.earlier,
          borderWidth: 1,
        },
        {
          label: "Observers (mean)",
          data: STANCES.map((s) => observers[s]),
          backgroundColor: palette.accent,
          borderColor: palette.accent,
          borderWidth: 1,
        },
      ],
    },
    options: {
      animation: false,
      aspectRatio: 2.2,
      scales: {
        y: { ...scoreAxis(palette), title: { display: true, text: "Score", color: palette.muted } },
        x: { ticks: { color: palette.muted }, grid: { display: false } },
      },
      plugins: {
        legend: { labels: { color: palette.text, boxHeight: 10, padding: 16 } },
      },
    },
  };
}
