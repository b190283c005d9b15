// How sync reads in Settings -> Sync: the pairing code as typed and shown, when a computer last
// synced, what went wrong and what a sync did, in plain words.
import type { SyncOutcome, SyncProblem } from "../../api/sync";
import { dateFormat } from "../../app/dates";

/** The characters of a pairing code (Crockford's base 32: no I, L, O or U). */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 16;

/** The code's characters as the computer reads them: dashes and spaces dropped, upper case, and
 * the letters people mistake for digits (I, L, O) read as those digits. */
export function codeCharacters(typed: string): string {
  return typed
    .replace(/[\s-]+/g, "")
    .toUpperCase()
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

/** The code in four groups of four, as it is shown: "7K3Q-M9ZD-0XWE-4HRT". */
export function formatCode(typed: string): string {
  const chars = codeCharacters(typed).slice(0, CODE_LENGTH);
  return (chars.match(/.{1,4}/g) ?? []).join("-");
}

/** Why a typed code cannot be a pairing code, or null when it can (Rust checks it too). */
export function codeProblem(typed: string): string | null {
  const chars = codeCharacters(typed);
  if (chars.length === 0) return "Type the pairing code shown on your other computer.";
  const wrong = [...chars].find((c) => !ALPHABET.includes(c));
  if (wrong !== undefined) {
    return `“${wrong}” is not in pairing codes: they are made of the digits 0–9 and the letters A–Z except I, L, O and U.`;
  }
  if (chars.length !== CODE_LENGTH) {
    return `A pairing code has ${CODE_LENGTH} letters and digits; this has ${chars.length}.`;
  }
  return null;
}

/** Why a typed folder cannot be used, or null (Rust checks that it exists). */
export function folderProblem(folder: string): string | null {
  const path = folder.trim();
  if (path === "") return "Choose the folder, or type its full path.";
  if (!path.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(path) && !path.startsWith("\\\\")) {
    return "Type the folder's full path (for example /home/you/Sync/Leadback), or choose it.";
  }
  return null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When something happened, from `now`: "just now", "2 minutes ago", "yesterday", "3 days ago",
 * then the date. A time ahead of ours (another computer's clock runs fast) reads as "just now". */
export function relativeTime(iso: string | null, now: Date, locale?: string): string {
  if (iso === null) return "not yet";
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return "at an unknown time";
  const ago = now.getTime() - then.getTime();
  if (ago < MINUTE) return "just now";
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (ago < HOUR) return rtf.format(-Math.floor(ago / MINUTE), "minute");
  if (ago < DAY) return rtf.format(-Math.floor(ago / HOUR), "hour");
  if (ago < 7 * DAY) return rtf.format(-Math.floor(ago / DAY), "day");
  return `on ${dateFormat(locale, { day: "numeric", month: "short", year: "numeric" }).format(then)}`;
}

/** A problem in a sentence a person can act on; `folder` (shown above it) is not said again. */
export function problemText(problem: SyncProblem, folder: string | null = null): string {
  const said = folder !== null && problem.message.startsWith(`${folder}: `) ? problem.message.slice(folder.length + 2) : problem.message;
  const message = said.charAt(0).toUpperCase() + said.slice(1);
  if (problem.file === null) {
    return `The last sync did not run. ${message} Leadback tries again every few minutes.`;
  }
  return `“${problem.file}” was not applied: ${message}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a sync did, in a sentence. */
export function outcomeText(outcome: SyncOutcome): string {
  const parts: string[] = [];
  const brought = outcome.applied.length;
  if (outcome.sent.length === 0 && brought === 0) {
    parts.push("Synced: nothing new here or on your other computers.");
  } else {
    const sent = outcome.sent.length > 0 ? "sent this computer's changes" : "nothing new to send";
    const got =
      brought > 0 ? `brought in ${plural(brought, "file", "files")} from your other computers` : "nothing new from your other computers";
    parts.push(`Synced: ${sent}, ${got}.`);
  }
  if (outcome.kept_copies > 0) {
    parts.push(
      `${plural(outcome.kept_copies, "note was", "notes were")} changed on two computers at once: the other version is kept in the journal.`,
    );
  }
  if (outcome.waiting > 0) {
    parts.push(`${plural(outcome.waiting, "file waits", "files wait")} for files they build on, still on their way.`);
  }
  if (outcome.refused.length > 0) {
    parts.push(`${plural(outcome.refused.length, "file was", "files were")} not applied: see the problems below.`);
  }
  return parts.join(" ");
}
