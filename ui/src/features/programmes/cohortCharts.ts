// Chart.js configurations for the cohort view, built from Rust's anonymised summary. A group Rust
// withheld (null, fewer than `min_group` people) is left out of the chart altogether: no bar, no
// zero, nothing to read a small group's size from. Types only from chart.js here: the library is
// loaded lazily by ChartCanvas.
import type { ChartConfiguration, TooltipItem } from "chart.js";
import type { CohortSummary, ExerciseCompletion, StanceChange, StanceCohort } from "../../api/programmes";
import { withAlpha, type Palette } from "../../app/chart/palette";
import { STANCE_NAMES } from "../assessment/format";
import type { Names } from "./items";

type Drawn = StanceCohort & { change: StanceChange };

/** The stances whose change Rust gave (enough people with both scores), in Rust's order. */
export function changedStances(summary: CohortSummary): Drawn[] {
  return summary.stances.filter((s): s is Drawn => s.change !== null);
}

/** Whether any of a stance's score ranges has a count to draw. */
export function hasDistribution(stance: StanceCohort): boolean {
  return stance.buckets.some((b) => b.before !== null || b.after !== null);
}

/** The exercises with a share to draw. */
export function drawnExercises(summary: CohortSummary): (ExerciseCompletion & { share: number })[] {
  return summary.exercises.filter((e): e is ExerciseCompletion & { share: number } => e.share !== null);
}

/**
 * What the completion chart can show: nothing asked (no exercises), every share withheld, shares
 * that are all zero (a chart of empty bars says nothing a sentence can't), or bars to draw.
 */
export function completionState(summary: CohortSummary): "none" | "withheld" | "nobody" | "drawn" {
  const drawn = drawnExercises(summary);
  if (summary.exercises.length === 0) return "none";
  if (drawn.length === 0) return "withheld";
  return drawn.some((e) => e.share > 0) ? "drawn" : "nobody";
}

/** "Fewer than 3 — not shown": what a withheld number reads as, in tables and notes. */
export function withheldWords(summary: Pick<CohortSummary, "min_group">): string {
  return `Fewer than ${summary.min_group} — not shown`;
}

/** "+8.4", "−11.2", "0.0": a change in points with its sign, as the tables write it. */
export function signed(n: number): string {
  return n > 0 ? `+${n.toFixed(1)}` : n < 0 ? `−${Math.abs(n).toFixed(1)}` : "0.0";
}

const legend = (p: Palette) => ({ labels: { color: p.text, boxWidth: 28, boxHeight: 12, padding: 14 } });

/** One legend entry as Chart.js draws it: a swatch in the bar's own colours and its words. */
export interface Key {
  text: string;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  fontColor: string;
}

/**
 * The change chart's key: each stance's mean bar in that stance's colour (as drawn), then the
 * thin spread bar. Chart.js's own legend would show one swatch per dataset, in the first bar's
 * colour, under "Mean change", which matched only one bar.
 */
export function changeKey(summary: CohortSummary, p: Palette): Key[] {
  const means = changedStances(summary).map((s) => ({
    text: `${STANCE_NAMES[s.stance]}: mean change`,
    fillStyle: withAlpha(p[s.stance], 0.75),
    strokeStyle: p[s.stance],
    lineWidth: 2,
    fontColor: p.text,
  }));
  const spread = {
    text: "Spread of individual changes (±1 SD)",
    fillStyle: withAlpha(p.text, 0.55),
    strokeStyle: p.text,
    lineWidth: 1,
    fontColor: p.text,
  };
  return means.length > 0 ? [...means, spread] : [];
}
const axisTitle = (p: Palette, text: string) => ({ display: true, text, color: p.muted });

/**
 * The mean change per stance as a bar from zero, with the spread of individual changes (±1 SD)
 * as a thin floating bar over it, like an error bar. The axis is centred on zero, so a fall and a
 * rise look as large as they are.
 */
export function changeConfig(summary: CohortSummary, p: Palette): ChartConfiguration<"bar"> {
  const drawn = changedStances(summary);
  const reach = Math.max(5, ...drawn.map((s) => Math.abs(s.change.mean_change) + s.change.spread));
  const bound = Math.ceil(reach / 5) * 5;
  const spreadLabel = (item: TooltipItem<"bar">) => {
    const c = drawn[item.dataIndex]?.change;
    if (!c) return "";
    const lo = c.mean_change - c.spread;
    const hi = c.mean_change + c.spread;
    return `Spread: ±${c.spread.toFixed(1)} (${signed(lo)} to ${signed(hi)})`;
  };
  return {
    type: "bar",
    data: {
      labels: drawn.map((s) => STANCE_NAMES[s.stance]),
      datasets: [
        {
          label: "Spread of change (±1 SD)",
          data: drawn.map((s): [number, number] => [s.change.mean_change - s.change.spread, s.change.mean_change + s.change.spread]),
          backgroundColor: withAlpha(p.text, 0.55),
          borderColor: p.text,
          borderWidth: 1,
          barPercentage: 0.12,
          categoryPercentage: 1,
          grouped: false,
          order: 0,
        },
        {
          label: "Mean change",
          data: drawn.map((s) => s.change.mean_change),
          backgroundColor: drawn.map((s) => withAlpha(p[s.stance], 0.75)),
          borderColor: drawn.map((s) => p[s.stance]),
          borderWidth: 2,
          barPercentage: 0.6,
          categoryPercentage: 1,
          grouped: false,
          order: 1,
        },
      ],
    },
    options: {
      animation: false,
      aspectRatio: 2,
      scales: {
        y: {
          min: -bound,
          max: bound,
          ticks: { color: p.muted, callback: (v) => signed(Number(v)) },
          // The zero line carries the meaning (up is a rise, down a fall), so it stands out.
          grid: { color: (ctx) => (ctx.tick.value === 0 ? p.muted : p.grid) },
          title: axisTitle(p, "Change in score (points)"),
        },
        x: { ticks: { color: p.text }, grid: { display: false } },
      },
      plugins: {
        legend: {
          // A key to the colours, not a switch: hiding "every mean bar" would hide all stances.
          onClick: () => {},
          labels: { ...legend(p).labels, generateLabels: () => changeKey(summary, p) },
        },
        tooltip: {
          callbacks: {
            label: (item) => (item.datasetIndex === 0 ? spreadLabel(item) : `Mean change: ${signed(Number(item.parsed.y))}`),
          },
        },
      },
    },
  };
}

/**
 * How many people scored in each range before and after, for one stance; withheld counts are gaps.
 * Ranges run down the side, highest at the top: three of these sit side by side in cards about
 * 200 px wide, where "80–100" under a column would have to be turned on its side.
 */
export function distributionConfig(stance: StanceCohort, p: Palette): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: stance.buckets.map((b) => `${b.from}–${b.to}`),
      datasets: [
        {
          label: "Before",
          data: stance.buckets.map((b) => b.before),
          backgroundColor: withAlpha(p.earlier, 0.3),
          borderColor: p.earlier,
          borderWidth: 2,
        },
        {
          label: "After",
          data: stance.buckets.map((b) => b.after),
          backgroundColor: p[stance.stance],
          borderColor: p[stance.stance],
          borderWidth: 2,
        },
      ],
    },
    options: {
      animation: false,
      indexAxis: "y",
      // As tall as its box (ChartCanvas's "short" shape) and as wide as its card, however narrow.
      maintainAspectRatio: false,
      scales: {
        x: {
          beginAtZero: true,
          ticks: { color: p.muted, precision: 0 },
          grid: { color: p.grid },
          title: axisTitle(p, "People"),
        },
        y: { reverse: true, ticks: { color: p.muted }, grid: { display: false }, title: axisTitle(p, "Score") },
      },
      plugins: { legend: legend(p) },
    },
  };
}

/** The share of participants who completed each exercise, as horizontal bars from 0 to 100%. */
export function completionConfig(summary: CohortSummary, names: Names, p: Palette): ChartConfiguration<"bar"> {
  const drawn = drawnExercises(summary);
  return {
    type: "bar",
    data: {
      labels: drawn.map((e) => names.exercises.get(e.exercise) ?? e.exercise),
      datasets: [
        {
          label: "Share of participants who completed it",
          data: drawn.map((e) => e.share),
          backgroundColor: withAlpha(p.accent, 0.8),
          borderColor: p.accent,
          borderWidth: 1,
          barPercentage: 0.7,
        },
      ],
    },
    options: {
      animation: false,
      indexAxis: "y",
      // Room for each bar whatever their number: wide for one or two, taller for many.
      aspectRatio: Math.min(5, Math.max(1.2, 8 / (drawn.length + 1))),
      scales: {
        x: {
          min: 0,
          max: 100,
          ticks: { color: p.muted, callback: (v) => `${String(v)}%` },
          grid: { color: p.grid },
          title: axisTitle(p, "Participants who completed it"),
        },
        y: { ticks: { color: p.text }, grid: { display: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => `${Number(item.parsed.x).toFixed(1)}% of participants` } },
      },
    },
  };
}
