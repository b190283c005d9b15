// Chart.js configurations for one habit: a calendar heatmap of check-ins, strength over time,
// weekly completion, and a measurable habit's amounts against its target. Built from Rust's
// numbers and the theme's palette; types only from chart.js.
import { dateFormat } from "../../app/dates";
import type { Chart, ChartConfiguration, Plugin, Scale } from "chart.js";
import type { MatrixDataPoint } from "chartjs-chart-matrix";
import type { CheckInRecord, CheckState, CompletionRate, DailyStrength, Measure } from "../../api";
import { withAlpha, type Palette } from "../../app/chart/palette";
import { addDays, calendarWeeks, dayValue, formatDay, formatLongDay, weekday, weekStart } from "./days";
import { stateWords } from "./format";
import { amountLabel, formatNumber, withUnit } from "./measure";
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

/** How a measurable habit's amounts are added up into bars. */
export type AmountGrouping = "day" | "week" | "month";

export interface AmountBar {
  /** The first day the bar adds up (a Monday for a week, the 1st for a month). */
  start: string;
  /** Its last day so far: today for the bar that holds today. */
  end: string;
  amount: number;
}

export interface AmountBars {
  grouping: AmountGrouping;
  bars: AmountBar[];
  /**
   * The target the bars are measured against: each bar spans the habit's period (a day, a week
   * Monday to Sunday, a month), so a bar reaching the line met it. Null when the period is none
   * of these (none of Loop's or Leadback's own, but kept honest).
   */
  target: number | null;
}

/** How many bars: a month of days, a quarter of weeks, a year of months. */
const BARS: Record<AmountGrouping, number> = { day: 30, week: 12, month: 12 };

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

function previousMonth(first: string): string {
  const [y, m] = first.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, "0")}-01`;
}

/**
 * A measurable habit's amounts added up per day (a daily target), per calendar week Monday to
 * Sunday (a weekly one) or per calendar month (a monthly one), the last bar holding today, none
 * before the period that holds the habit's first day (`since`). Calendar periods rather than the
 * rolling ones the strength reads, because bars of rolling sums would overlap (each day's amount
 * in seven bars) and a person thinks of "the week of 16 November" or "October"; a week is the same
 * seven days either way, and a month is its calendar month. Skipped days add nothing.
 */
export function amountBars(
  entries: readonly CheckInRecord[],
  measure: Measure,
  periodDays: number,
  today: string,
  since = today,
): AmountBars {
  const grouping: AmountGrouping = periodDays < 7 ? "day" : periodDays < 28 ? "week" : "month";
  const startOf = (day: string) => (grouping === "day" ? day : grouping === "week" ? weekStart(day) : monthStart(day));
  const before = (start: string) =>
    grouping === "day" ? addDays(start, -1) : grouping === "week" ? addDays(start, -7) : previousMonth(start);
  const first = startOf(since < today ? since : today);
  const starts: string[] = [];
  for (let start = startOf(today); starts.length < BARS[grouping] && start >= first; start = before(start)) {
    starts.unshift(start);
  }
  const bars = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? addDays(starts[i + 1] ?? start, -1) : today, amount: 0 }));
  const thousandths = bars.map(() => 0);
  for (const e of entries) {
    if (e.state !== "done" || e.amount === null || e.day > today) continue;
    const at = starts.indexOf(startOf(e.day));
    // Sums in whole thousandths, as Rust keeps amounts, so 0.1 + 0.2 shows as 0.3.
    if (at >= 0) thousandths[at] = (thousandths[at] ?? 0) + Math.round(e.amount * 1000);
  }
  bars.forEach((bar, i) => (bar.amount = (thousandths[i] ?? 0) / 1000));
  const spans = periodDays === 1 || periodDays === 7 || periodDays === 30;
  return { grouping, bars, target: spans ? measure.target : null };
}

/** A bar's label under the axis: "22 Nov" for a day or a week (its Monday), "Nov 2026" for a month. */
export function amountBarLabel(bar: AmountBar, grouping: AmountGrouping, locale?: string): string {
  if (grouping === "month") {
    return dateFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${bar.start}T00:00:00Z`));
  }
  return formatDay(bar.start, locale).replace(/^\S+\s/, "");
}

/** What a bar covers, for its tooltip and the table: "Sun 22 Nov", "Week of 16 Nov 2026", "November 2026". */
export function amountBarTitle(bar: AmountBar, grouping: AmountGrouping, locale?: string): string {
  switch (grouping) {
    case "day":
      return formatDay(bar.start, locale);
    case "week":
      return `Week of ${formatLongDay(bar.start, locale)}`;
    case "month":
      return dateFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${bar.start}T00:00:00Z`));
  }
}

/**
 * The target as a dashed line across the whole chart, whatever the number of bars (a line
 * dataset would need two bars to draw anything).
 */
export function targetLine(target: number, colour: string): Plugin<"bar"> {
  return {
    id: "targetLine",
    afterDatasetsDraw(chart: Chart<"bar">) {
      const y = chart.scales["y"]?.getPixelForValue(target);
      if (y === undefined || !Number.isFinite(y)) return;
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, y);
      ctx.lineTo(chartArea.right, y);
      ctx.stroke();
      ctx.restore();
    },
  };
}

/** A measurable habit's amounts as bars, in the unit, with the target drawn across them. */
export function amountConfig(data: AmountBars, measure: Measure, p: Palette): ChartConfiguration<"bar"> {
  const { bars, grouping, target } = data;
  const highest = Math.max(0, ...bars.map((b) => b.amount));
  return {
    type: "bar",
    data: {
      labels: bars.map((b) => amountBarLabel(b, grouping)),
      datasets: [
        {
          label: amountLabel(measure.unit),
          data: bars.map((b) => b.amount),
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
        x: { ticks: { color: p.muted, maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false } },
        y: {
          min: 0,
          // Room above the target line, so it never sits on the chart's top edge.
          suggestedMax: Math.max(target ?? 0, highest) * 1.15 || 1,
          ticks: { color: p.muted, precision: 0 },
          grid: { color: p.grid },
          title: { display: true, text: amountLabel(measure.unit), color: p.muted },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => {
              const bar = bars[items[0]?.dataIndex ?? -1];
              return bar ? amountBarTitle(bar, grouping) : "";
            },
            label: (ctx) => withUnit(Number(ctx.parsed.y ?? 0), measure.unit),
            afterLabel: () => (target === null ? "" : `Target: ${measure.at_most ? "at most" : "at least"} ${formatNumber(target)}`),
          },
        },
      },
    },
    plugins: target === null ? [] : [targetLine(target, p.text)],
  };
}
