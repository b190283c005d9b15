// Measurable habits in words: "at least 20 minutes a week", "15 of 20 minutes in the last 7 days",
// and amounts read as a person types them. Rust computes every sum and score; these only say them.
import type { HabitRecord, Measure, Schedule } from "../../api";
import { scheduleWording } from "./format";

/** A measurable habit's period as words after an amount: "a day", "a week", "a month". */
function perPeriod(days: number): string {
  switch (days) {
    case 1:
      return "a day";
    case 7:
      return "a week";
    case 30:
      return "a month";
    default:
      return `in ${days} days`;
  }
}

/** Where the period's sum on home is counted from: Rust sums the period ending today. */
function inPeriod(days: number): string {
  return days === 1 ? "today" : `in the last ${days} days`;
}

/** An amount as typed back to the person: "12", "2.5", "0.125" (Rust keeps thousandths). */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** "20 minutes", or "20" for a plain count. */
export function withUnit(n: number, unit: string): string {
  return unit === "" ? formatNumber(n) : `${formatNumber(n)} ${unit}`;
}

/** "at least 20 minutes a week", "at most 2 meetings a week", "at least 5 a day". */
export function measureWording(m: Measure, schedule: Schedule): string {
  return `${m.at_most ? "at most" : "at least"} ${withUnit(m.target, m.unit)} ${perPeriod(schedule.days)}`;
}

/** How often a habit asks for it: its schedule, or for a measurable habit its target. */
export function habitWording(habit: Pick<HabitRecord, "schedule" | "measure">): string {
  return habit.measure ? measureWording(habit.measure, habit.schedule) : scheduleWording(habit.schedule);
}

/**
 * Home's progress line: "12 of 20 minutes in the last 7 days", "1 of at most 2 meetings in the last
 * 7 days", "3 of 5 today". The sum is Rust's, over the period that ends today (a rolling window, as
 * the strength counts it), so the words say "the last 7 days" rather than "this week".
 */
export function progressWords(sum: number, m: Measure, schedule: Schedule): string {
  const of = `${formatNumber(sum)} of ${m.at_most ? "at most " : ""}${withUnit(m.target, m.unit)}`;
  return `${of} ${inPeriod(schedule.days)}`;
}

/** A short label for an amount field: the unit with a capital ("Minutes"), or "Amount". */
export function amountLabel(unit: string): string {
  return unit === "" ? "Amount" : unit.charAt(0).toUpperCase() + unit.slice(1);
}

export type ParsedAmount = { ok: true; amount: number | null } | { ok: false; message: string };

/**
 * Reads an amount as typed: digits with at most one dot ("12", "2.5", ".5"); empty is null (no
 * amount). Refused before anything is sent: a negative number, a decimal comma, anything else.
 * Rust checks again, and refuses amounts too large.
 */
export function parseAmount(raw: string): ParsedAmount {
  const text = raw.trim();
  if (text === "") return { ok: true, amount: null };
  if (/^(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: true, amount: Number(text) };
  if (/^-\s*(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false, message: `The amount can't be negative (${text}).` };
  if (/^\d*,\d+$/.test(text)) {
    return { ok: false, message: `Write decimals with a dot: ${text.replace(",", ".")} rather than ${text}.` };
  }
  return { ok: false, message: `"${text}" is not a number; write it like 12 or 2.5.` };
}
