// Choosing two assessments to compare, and what the comparison shows.
import type { Scores } from "../../api";
import { formatChange, formatScore, STANCE_NAMES, STANCES } from "./format";

/** Adds or removes `id`; at most two are chosen at once, so a third is refused. */
export function toggleChoice(chosen: readonly number[], id: number): number[] {
  if (chosen.includes(id)) return chosen.filter((c) => c !== id);
  return chosen.length >= 2 ? [...chosen] : [...chosen, id];
}

/** The two chosen ids, earlier first (in the order of `entries`, which is oldest first). */
export function comparePair(
  chosen: readonly number[],
  entries: readonly { id: number }[],
): [number, number] | null {
  if (chosen.length !== 2) return null;
  const ordered = entries.filter((e) => chosen.includes(e.id)).map((e) => e.id);
  const [a, b] = ordered;
  return a !== undefined && b !== undefined ? [a, b] : null;
}

export interface CompareRow {
  label: string;
  before: string;
  after: string;
  /** "+4.5", "−2.0", "no change", or null when either side has no score. */
  change: string | null;
}

/** The scores of two assessments, row by row, with the change from the first to the second. */
export function compareRows(before: Scores, after: Scores): CompareRow[] {
  const row = (label: string, x: number | null, y: number | null): CompareRow => ({
    label,
    before: formatScore(x),
    after: formatScore(y),
    change: formatChange(x, y),
  });
  return [
    ...STANCES.map((s) => row(STANCE_NAMES[s], before.stances[s], after.stances[s])),
    row("Choosing the stance that fits (%)", before.situational, after.situational),
    row("Energy and rest", before.energy, after.energy),
  ];
}
