// Reminder weekdays travel as a bitmask (bit 0 = Monday … bit 6 = Sunday); the editor shows
// them as seven toggles.

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export const WEEKDAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export const EVERY_DAY = 0b1111111;

/** Seven booleans, Monday first, from a mask. */
export function maskToDays(mask: number): boolean[] {
  return WEEKDAY_NAMES.map((_, i) => (mask & (1 << i)) !== 0);
}

/** The mask for seven booleans, Monday first. */
export function daysToMask(days: readonly boolean[]): number {
  return days.reduce((mask, on, i) => (on && i < 7 ? mask | (1 << i) : mask), 0);
}

/** "every day", "weekdays", "weekends", "Mon, Wed, Fri", or "no days". */
export function describeMask(mask: number): string {
  const on = maskToDays(mask);
  if (mask === EVERY_DAY) return "every day";
  if (mask === 0b0011111) return "weekdays";
  if (mask === 0b1100000) return "weekends";
  const names = WEEKDAY_SHORT.filter((_, i) => on[i]);
  return names.length > 0 ? names.join(", ") : "no days";
}

/** "08:30" from Rust's "08:30:00" (or "08:30"). */
export function shortTime(time: string): string {
  return time.slice(0, 5);
}
