// Words for a client's records: consent, dates, tags.
import { dateFormat } from "../../app/dates";
import type { Said, Written } from "../../app/said";
import type { Consent } from "../../bindings/Consent";

const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
const WHEN: Intl.DateTimeFormatOptions = { ...DAY, hour: "2-digit", minute: "2-digit" };

/** The numbers in "2026-11-22T09:30:00" (or a prefix of it), missing ones as 0. */
function parts(text: string): [number, number, number, number, number] {
  const n = text.match(/\d+/g)?.map(Number) ?? [];
  return [n[0] ?? 1970, n[1] ?? 1, n[2] ?? 1, n[3] ?? 0, n[4] ?? 0];
}

/** "2026-11-20" as a local calendar day (never shifted by the time zone). */
export function formatDay(iso: string): string {
  const [y, m, d] = parts(iso);
  return dateFormat(undefined, DAY).format(new Date(y, m - 1, d));
}

/** A local date-time without a zone ("2026-11-22T09:30:00"), as written. */
export function formatWhen(local: string): string {
  const [y, m, d, hh, mm] = parts(local);
  return dateFormat(undefined, WHEN).format(new Date(y, m - 1, d, hh, mm));
}

export function consentWording(consent: Consent | null): string {
  if (!consent) return "Not recorded";
  if (consent.withdrawn_on) return `Withdrawn ${formatDay(consent.withdrawn_on)}`;
  return `Given ${formatDay(consent.agreed_on)}`;
}

/** "a, b ,, c" → ["a", "b", "c"]. */
export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A local calendar day as "2026-11-22", for date fields. */
export function dayOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A local time to the minute as "2026-11-22T09:30", for date-and-time fields. */
export function minuteOf(date: Date): string {
  return `${dayOf(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What the coach is told wherever something new would be started for a client without consent. */
export function withdrawnReason(name: string, consent: Consent | null): Said | null {
  if (!consent?.withdrawn_on) return null;
  return [
    { written: name },
    ` withdrew consent on ${formatDay(consent.withdrawn_on)}: nothing new (assessment, session, homework or observer form) until their consent is recorded again.`,
  ];
}

/** "contact · tag, tag": a client's contact and tags, each as they wrote it (empty with neither). */
export function contactAndTags(contact: string | null, tags: readonly string[]): Said {
  const parts: (string | Written)[] = contact ? [{ written: contact }] : [];
  tags.forEach((tag, i) => {
    if (parts.length > 0) parts.push(i > 0 ? ", " : " · ");
    parts.push({ written: tag });
  });
  return parts;
}

/** A moment the app recorded (UTC, "2026-11-22T09:30:00Z"), in the coach's local time. */
export function formatInstant(utc: string): string {
  return dateFormat(undefined, WHEN).format(new Date(utc));
}
