// Days as the journal shows them: local calendar dates ("YYYY-MM-DD"), never shifted by a time
// zone, and entries gathered under the day they belong to.
import { dateFormat } from "../../app/dates";
import type { JournalEntry } from "../../api/exercises";

/** Today (or `date`) as a local "YYYY-MM-DD". */
export function localDay(date: Date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** "Monday 2 November 2026" in the person's locale; the date is read as local, not UTC. */
export function formatDay(day: string, locale?: string): string {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  return dateFormat(locale, { dateStyle: "full" }).format(new Date(y, m - 1, d));
}

export interface DayGroup {
  day: string;
  entries: JournalEntry[];
}

/** Consecutive entries of the same day together, in the order given (newest first from Rust). */
export function groupByDay(entries: JournalEntry[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last.day === entry.day) last.entries.push(entry);
    else groups.push({ day: entry.day, entries: [entry] });
  }
  return groups;
}

/** What an entry is, in words. */
export function kindLabel(kind: string): string {
  switch (kind) {
    case "reflection":
      return "Reflection";
    case "check-in":
      return "Check-in note";
    case "note":
      return "Note";
    default:
      return kind;
  }
}

/** How a note kept from a sync conflict begins; the Rust side writes it (sync/copies.rs). */
const CONFLICT_COPY = "Kept from a sync conflict:";
/** The moment such a note names, written in UTC so that every computer writes the same note. */
const UTC_MOMENT = /(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) UTC/;

/**
 * An entry's text as shown: a note kept from a sync conflict says when the losing text was
 * written in the person's own time zone rather than in UTC (`timeZone` for tests).
 */
export function shownText(text: string, locale?: string, timeZone?: string): string {
  if (!text.startsWith(CONFLICT_COPY)) return text;
  return text.replace(UTC_MOMENT, (whole, y, mo, d, h, mi) => {
    const moment = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
    if (Number.isNaN(moment.getTime())) return whole;
    return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(moment);
  });
}
