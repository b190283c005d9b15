// Plain-language formatting shared by the results, history and compare screens.
import { dateFormat } from "../../app/dates";
import type { Stance, StanceScores } from "../../api";

export const STANCES: readonly Stance[] = ["front", "behind", "servant"];

/** Short names, used in charts and table headers. */
export const STANCE_NAMES: Record<Stance, string> = {
  front: "Front",
  behind: "Behind",
  servant: "Servant",
};

/** Longer names, used where a stance has a section of its own. */
export const STANCE_TITLES: Record<Stance, string> = {
  front: "Leading from the front",
  behind: "Leading from behind",
  servant: "Leading by serving",
};

export const NOT_ENOUGH = "Not enough answers";

/** A 0–100 score as Rust reports it (one decimal), or the reason there is none. */
export function formatScore(score: number | null): string {
  return score === null ? NOT_ENOUGH : score.toFixed(1);
}

/** A percentage share, e.g. "38%". */
export function formatShare(share: number): string {
  return `${Math.round(share)}%`;
}

/**
 * The change from one score to another with an explicit sign ("+4.5", "−2.0", "no change"),
 * or null when either score is missing.
 */
export function formatChange(before: number | null, after: number | null): string | null {
  if (before === null || after === null) return null;
  const delta = Math.round((after - before) * 10) / 10;
  if (delta === 0) return "no change";
  return delta > 0 ? `+${delta.toFixed(1)}` : `−${Math.abs(delta).toFixed(1)}`;
}

/**
 * Turns a library id into words: "let-others-go-first" → "Let others go first".
 * Used until the habit and exercise libraries can give their own names.
 */
export function humanise(id: string): string {
  const words = id
    .split(/[-_\s]+/)
    .filter((w) => w.length > 0)
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A date in the person's own locale, e.g. "22 Nov 2026". */
export function formatDate(iso: string, locale?: string): string {
  return dateFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

function formatDateTime(iso: string, locale?: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
}

/** Marks repeats in order: ["a", "b", "a"] → ["a (1)", "b", "a (2)"]. */
function numberRepeats(labels: readonly string[]): string[] {
  const total = new Map<string, number>();
  for (const l of labels) total.set(l, (total.get(l) ?? 0) + 1);
  const seen = new Map<string, number>();
  return labels.map((l) => {
    if ((total.get(l) ?? 0) < 2) return l;
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return `${l} (${n})`;
  });
}

/**
 * Labels for a series of timestamps: the date alone; date and time where two share a day; and a
 * number after those that share even the minute. No two assessments look alike on an axis.
 */
export function dateLabels(isos: readonly string[], locale?: string): string[] {
  const days = isos.map((iso) => formatDate(iso, locale));
  const repeated = (list: readonly string[], i: number) =>
    list.filter((x) => x === list[i]).length > 1;
  const precise = isos.map((iso, i) =>
    repeated(days, i) ? formatDateTime(iso, locale) : (days[i] ?? ""),
  );
  return numberRepeats(precise);
}

/** One sentence a screen reader can read in place of a stance chart. */
export function describeScores(scores: StanceScores): string {
  return STANCES.map((s) => `${STANCE_NAMES[s]} ${formatScore(scores[s])}`).join(", ");
}
