// Calendar days as the "YYYY-MM-DD" strings Rust sends and accepts. A habit day is the person's
// local calendar date; arithmetic happens at UTC midnight so daylight-saving changes never make a
// day 23 or 25 hours long.
import { dateFormat } from "../../app/dates";

const MS_PER_DAY = 86_400_000;

/** The person's local calendar date, e.g. "2026-11-22". */
export function isoDay(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, "0");
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

function toUtc(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Milliseconds at UTC midnight of a day: a number to place days on a chart's time axis. */
export function dayValue(day: string): number {
  return toUtc(day).getTime();
}

export function addDays(day: string, n: number): string {
  return new Date(dayValue(day) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekday(day: string): number {
  return (toUtc(day).getUTCDay() + 6) % 7;
}

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  return addDays(day, -weekday(day));
}

/**
 * The last `count` whole weeks, Monday to Sunday, oldest first; the last one holds `today` (its
 * later days are in the future).
 */
export function calendarWeeks(today: string, count: number): string[][] {
  const first = addDays(weekStart(today), -7 * (count - 1));
  return Array.from({ length: count }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => addDays(first, w * 7 + d)),
  );
}

/** "Mon 17 Nov" in the person's locale. */
export function formatDay(day: string, locale?: string): string {
  return dateFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(toUtc(day));
}

/** "17 Nov 2026" in the person's locale. */
export function formatLongDay(day: string, locale?: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(toUtc(day));
}

/** "today", "yesterday", "tomorrow", or the day itself ("Mon 17 Nov"). */
export function relativeDay(day: string, today: string, locale?: string): string {
  if (day === today) return "today";
  if (day === addDays(today, -1)) return "yesterday";
  if (day === addDays(today, 1)) return "tomorrow";
  return formatDay(day, locale);
}
