// Chart.js configurations for one habit: a calendar heatmap of check-ins, strength over time and
// weekly completion. Built from Rust's numbers and the theme's palette; types only from chart.js.
import { dateFormat } from "../../app/dates";
import type { ChartConfiguration, Scale } from "chart.js";
import type { MatrixDataPoint } from "chartjs-chart-matrix";
import type { CheckInRecord, CheckState, CompletionRate, DailyStrength } from "../../api";
import { withAlpha, type Palette } from "../../app/chart/palette";
import { addDays, calendarWeeks, dayValue, formatDay, formatLongDay, weekday, weekStart } from "./days";
import { stateWords } from "./format";
import { WEEKDAY_SHORT } from "./reminders";

export interface HeatCell extends MatrixDataPoint {
  /** The week's Monday. */
  x: string;
  /** "Mon" … "Sun". */
  y: string;
  day: string;
  state: CheckState | null;
}

/**
 * The calendar's columns, one Monday each: `weeks` of them, always, so a day is the same size
 * whatever the habit's age. They start at the week of the habit's first day (`since`), or
 * `weeks` back for an older habit; a young habit's calendar fills in from the left and its
 * columns after this week stay empty. `shown`: how many columns hold days.
 */
export interface HeatSpan {
  columns: string[];
  shown: number;
}

export function heatmapSpan(today: string, since: string, weeks: number): HeatSpan {
  const thisWeek = weekStart(today);
  const age = Math.round((dayValue(thisWeek) - dayValue(weekStart(since < today ? since : today))) / (7 * 86_400_000));
  const shown = Math.min(Math.max(age + 1, 1), weeks);
  const first = addDays(thisWeek, -7 * (shown - 1));
  return { columns: Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i)), shown };
}

/**
 * Every day of the last `weeks` weeks up to today (none in the future), with its state; none
 * before `since`, the habit's first day: the habit did not exist then.
 */
export function heatmapCells(entries: readonly CheckInRecord[], today: string, weeks: number, since = ""): HeatCell[] {
  const states = new Map(entries.map((e) => [e.day, e.state]));
  return calendarWeeks(today, weeks).flatMap((week) =>
    week
      .filter((day) => day <= today && day >= since)
      .map((day) => ({
        x: week[0] ?? day,
        y: WEEKDAY_SHORT[weekday(day)] ?? "",
        day,
        state: states.get(day) ?? null,
      })),
  );
}

function fill(state: CheckState | null, p: Palette): [string, string] {
  switch (state) {
    case "done":
      return [p.accent, p.accent];
    case "skipped":
      return [p.skipFill, p.accent];
    case "not_done":
      return [p.missFill, p.earlier];
    default:
      return ["transparent", p.grid];
  }
}

export function heatmapConfig(cells: readonly HeatCell[], span: HeatSpan, p: Palette): ChartConfiguration<"matrix"> {
  const weekLabels = span.columns;
  const weeks = weekLabels.length;
  const colours = cells.map((c) => fill(c.state, p));
  return {
    type: "matrix",
    data: {
      datasets: [
        {
          label: "Check-ins",
          data: [...cells],
          backgroundColor: colours.map((c) => c[0]),
          borderColor: colours.map((c) => c[1]),
          borderWidth: cells.map((c) => (c.state === "done" || c.state === null ? 1 : 2)),
          borderRadius: 3,
          width: ({ chart }) => Math.max((chart.chartArea?.width ?? 0) / weeks - 3, 1),
          height: ({ chart }) => Math.max((chart.chartArea?.height ?? 0) / 7 - 3, 1),
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: {
          type: "category",
          labels: weekLabels,
          offset: true,
          grid: { display: false },
          border: { display: false },
          ticks: {
            color: p.muted,
            maxRotation: 0,
            autoSkipPadding: 12,
            // Weeks still to come have a column but no date yet.
            callback: (_v, i) => {
              const label = i < span.shown ? weekLabels[i] : undefined;
              return label ? formatDay(label).replace(/^\S+\s/, "") : "";
            },
          },
        },
        y: {
          type: "category",
          labels: [...WEEKDAY_SHORT],
          // Monday at the top, like a calendar (the matrix plugin reverses y unless told not to).
          reverse: false,
          offset: true,
          grid: { display: false },
          border: { display: false },
          ticks: { color: p.muted },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: () => "",
            label: (ctx) => {
              const cell = ctx.raw as HeatCell;
              return `${formatDay(cell.day)}: ${stateWords(cell.state)}`;
            },
          },
        },
      },
    },
  };
}

/**
 * Whether a strength line would show anything: a single day is a point (drawn without a marker),
 * and a line at 0% all along lies on the axis. Before the first check-ins there is neither.
 */
export function hasStrengthToDraw(series: readonly DailyStrength[]): boolean {
  return series.length > 1 && series.some((d) => d.strength > 0);
}

/** Strength (0–100%) day by day, on a time axis. */
export function strengthConfig(series: readonly DailyStrength[], p: Palette): ChartConfiguration<"line"> {
  return {
    type: "line",
    data: {
      datasets: [
        {
          label: "Strength",
          data: series.map((d) => ({ x: dayValue(d.date), y: Math.round(d.strength * 1000) / 10 })),
          borderColor: p.accent,
          backgroundColor: withAlpha(p.accent, 0.15),
          fill: true,
          pointRadius: 0,
          borderWidth: 2,
          tension: 0,
        },
      ],
    },
    options: {
      animation: false,
      aspectRatio: 2.6,
      parsing: false,
      normalized: true,
      scales: {
        x: timeAxis(p, dayValue(series[0]?.date ?? "1970-01-01"), dayValue(series.at(-1)?.date ?? "1970-01-01")),
        y: percentAxis(p, "Strength"),
      },
      plugins: {
        // Ten years of days are several points to each pixel: draw about one a pixel, chosen by
        // Chart.js's largest-triangle decimation so the line keeps its shape.
        decimation: { enabled: true, algorithm: "lttb" },
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => formatLongDay(new Date(items[0]?.parsed.x ?? 0).toISOString().slice(0, 10)),
            label: (ctx) => `Strength ${ctx.parsed.y ?? 0}%`,
          },
        },
      },
    },
  };
}

/** Weekly completion as bars, 0–100%; a week with nothing expected is a gap, not a zero. */
export function weeklyConfig(weeks: readonly CompletionRate[], p: Palette): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: weeks.map((w) => formatDay(w.start).replace(/^\S+\s/, "")),
      datasets: [
        {
          label: "Completion",
          data: weeks.map((w) => (w.rate === null ? null : Math.round(w.rate * 100))),
          backgroundColor: p.accent,
          borderRadius: 4,
          maxBarThickness: 36,
        },
      ],
    },
    options: {
      animation: false,
      aspectRatio: 2.6,
      scales: {
        x: { ticks: { color: p.muted }, grid: { display: false } },
        y: percentAxis(p, "Completion"),
      },
      plugins: { legend: { display: false } },
    },
  };
}

export function percentAxis(p: Palette, title: string) {
  return {
    min: 0,
    max: 100,
    ticks: { stepSize: 25, color: p.muted, callback: (v: string | number) => `${v}%` },
    grid: { color: p.grid },
    title: { display: true, text: title, color: p.muted },
  };
}

const DAY_MS = 86_400_000;
const STEPS = [1, 2, 7, 14, 28, 91, 182, 364];

/** A tick step in whole days (a week, a fortnight, four weeks…) that gives at most `ticks` ticks. */
export function dayStep(firstMs: number, lastMs: number, ticks = 7): number {
  const days = Math.max((lastMs - firstMs) / DAY_MS, 1);
  const step = STEPS.find((s) => days / s <= ticks) ?? Math.ceil(days / ticks / 364) * 364;
  return step * DAY_MS;
}

/** "Nov 16" within a year's span, "Nov 2026" beyond. */
export function dayTick(ms: number, stepMs: number, locale?: string): string {
  const options: Intl.DateTimeFormatOptions =
    stepMs >= 91 * DAY_MS ? { month: "short", year: "numeric", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" };
  return dateFormat(locale, options).format(new Date(ms));
}

/** Tick positions: every `stepMs` from the first midnight in range (the first Monday, for weeks). */
export function dayTicks(min: number, max: number, stepMs: number): number[] {
  let at = Math.ceil(min / DAY_MS) * DAY_MS;
  if (stepMs >= 7 * DAY_MS) while (new Date(at).getUTCDay() !== 1) at += DAY_MS;
  const ticks: number[] = [];
  for (; at <= max; at += stepMs) ticks.push(at);
  return ticks;
}

/** A linear axis of days (ms at UTC midnight), ticked on whole days, each saying which. */
export function timeAxis(p: Palette, firstMs: number, lastMs: number) {
  const max = lastMs > firstMs ? lastMs : firstMs + DAY_MS;
  const step = dayStep(firstMs, max);
  return {
    type: "linear" as const,
    min: firstMs,
    max,
    grid: { color: p.grid },
    ticks: {
      color: p.muted,
      maxRotation: 0,
      callback: (v: string | number) => dayTick(Number(v), step),
    },
    afterBuildTicks: (axis: Scale) => {
      axis.ticks = dayTicks(axis.min, axis.max, step).map((value) => ({ value }));
    },
  };
}

/** The strength at the end of each of the last `weeks` weeks (each Sunday, and today). */
export function weeklyStrengths(series: readonly DailyStrength[], weeks: number): DailyStrength[] {
  const last = series.at(-1);
  const picked = series.filter((d, i) => weekday(d.date) === 6 && i < series.length - 1);
  return [...picked.slice(-(weeks - 1)), ...(last ? [last] : [])];
}
