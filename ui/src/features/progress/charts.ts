// The progress screen's charts on one time axis: practice strength per stance (Rust's weekly
// roll-up) next to the assessment's stance scores, and daily energy against practice.
import type { ChartConfiguration, ChartDataset, PointStyle } from "chart.js";
import type { EnergyRecord, HabitStance, HistoryEntry, StanceRollup } from "../../api";
import type { Palette } from "../../app/chart/palette";
import { STANCES, STANCE_NAMES } from "../assessment/format";
import { dayValue, formatLongDay } from "../habits/days";
import { timeAxis } from "../habits/charts";
import { HABIT_STANCE_NAMES } from "../habits/format";

type Point = { x: number; y: number };

const POINTS: Record<HabitStance, PointStyle> = {
  front: "circle",
  behind: "rectRot",
  servant: "triangle",
  rest: "rect",
};

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The shared time axis: from the earliest point to the latest, a little padded. */
function axisFor(p: Palette, xs: number[]) {
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const pad = Math.max((max - min) * 0.03, DAY_MS);
  return timeAxis(p, min - pad, max + pad);
}

/** Markers on a daily line while they can still be told apart; years of days are a line alone. */
const markerRadius = (points: number) => (points > 30 ? 0 : 3);

function practiceLines(rollups: readonly StanceRollup[], p: Palette): ChartDataset<"line", Point[]>[] {
  return rollups
    .filter((r) => r.points.length > 0)
    .map((r) => ({
      label: `Practice: ${HABIT_STANCE_NAMES[r.stance]}`,
      data: r.points.map((pt) => ({ x: dayValue(pt.date), y: Math.round(pt.strength * 1000) / 10 })),
      borderColor: p[r.stance],
      backgroundColor: p[r.stance],
      pointStyle: POINTS[r.stance],
      pointRadius: markerRadius(r.points.length),
      borderWidth: 2,
      tension: 0,
      yAxisID: "y",
    }));
}

const legend = (p: Palette) => ({
  labels: { color: p.text, usePointStyle: true, boxHeight: 8, padding: 14 },
});

const tooltipTitle = (items: { parsed: { x: number | null } }[]) => formatLongDay(dayOf(items[0]?.parsed.x ?? 0));

const percentAxis = (p: Palette, title: string) => ({
  position: "left" as const,
  min: 0,
  max: 100,
  ticks: { stepSize: 25, color: p.muted },
  grid: { color: p.grid },
  title: { display: true, text: title, color: p.muted },
});

type Scales = NonNullable<NonNullable<ChartConfiguration<"line", Point[]>["options"]>["scales"]>;

/**
 * Lines on the shared time axis, with a 0–100 axis on the left (and any `more` axes), the legend,
 * and the day under the pointer as the tooltip's title.
 */
function overTime(
  datasets: ChartDataset<"line", Point[]>[],
  p: Palette,
  percentTitle: string,
  more: Scales = {},
): ChartConfiguration<"line", Point[]> {
  return {
    type: "line",
    data: { datasets },
    options: {
      animation: false,
      aspectRatio: 2,
      parsing: false,
      scales: {
        x: axisFor(p, datasets.flatMap((d) => d.data.map((pt) => pt.x))),
        y: percentAxis(p, percentTitle),
        ...more,
      },
      plugins: { legend: legend(p), tooltip: { callbacks: { title: tooltipTitle } } },
    },
  };
}

/** Practice strength per stance (solid lines) and assessment scores (dashed, marked points). */
export function practiceConfig(
  rollups: readonly StanceRollup[],
  history: readonly HistoryEntry[],
  p: Palette,
): ChartConfiguration<"line", Point[]> {
  const scores: ChartDataset<"line", Point[]>[] = STANCES.map((stance) => ({
    label: `Assessment: ${STANCE_NAMES[stance]}`,
    data: history.flatMap((h) => {
      const y = h.scores.stances[stance];
      return y === null ? [] : [{ x: Date.parse(h.completed_at), y }];
    }),
    borderColor: p[stance],
    backgroundColor: p.surface,
    pointStyle: POINTS[stance],
    pointRadius: 6,
    pointBorderWidth: 2,
    borderDash: [6, 4],
    borderWidth: 1.5,
    tension: 0,
    yAxisID: "y",
  })).filter((d) => d.data.length > 0);
  return overTime([...practiceLines(rollups, p), ...scores], p, "Practice % · assessment score");
}

/** Daily energy (1–5, right axis) against practice strength per stance (0–100%, left axis). */
export function energyConfig(
  energy: readonly EnergyRecord[],
  rollups: readonly StanceRollup[],
  p: Palette,
): ChartConfiguration<"line", Point[]> {
  const level: ChartDataset<"line", Point[]> = {
    label: "Energy (1–5)",
    data: energy.map((e) => ({ x: dayValue(e.day), y: e.level })),
    borderColor: p.text,
    backgroundColor: p.text,
    pointStyle: "circle",
    pointRadius: markerRadius(energy.length),
    borderWidth: 1,
    borderDash: [2, 3],
    tension: 0,
    yAxisID: "energy",
  };
  return overTime([level, ...practiceLines(rollups, p)], p, "Practice strength %", {
    energy: {
      position: "right",
      min: 1,
      max: 5,
      ticks: { stepSize: 1, color: p.muted },
      grid: { display: false },
      title: { display: true, text: "Energy", color: p.muted },
    },
  });
}
