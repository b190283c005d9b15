// The progress screen's tables: the per-stance practice roll-up (Rust's weekly means) laid out
// week by week, and which stances have any practice at all. Arranging only; no maths.
import type { HabitStance, StanceRollup } from "../../api";
import { HABIT_STANCES } from "../habits/format";

export interface PracticeRow {
  /** The week's Monday. */
  date: string;
  strength: Partial<Record<HabitStance, number>>;
}

/** The stances that have practice, in the app's usual order. */
export function practisedStances(rollups: readonly StanceRollup[]): HabitStance[] {
  const have = new Set(rollups.filter((r) => r.points.length > 0).map((r) => r.stance));
  return HABIT_STANCES.filter((s) => have.has(s));
}

/** One row per week that any stance has a point in, newest first. */
export function practiceRows(rollups: readonly StanceRollup[]): PracticeRow[] {
  const rows = new Map<string, PracticeRow>();
  for (const r of rollups) {
    for (const p of r.points) {
      const row = rows.get(p.date) ?? { date: p.date, strength: {} };
      row.strength[r.stance] = p.strength;
      rows.set(p.date, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.date < b.date ? 1 : -1));
}
