// The explanation of a habit's strength in words, with the person's own numbers. Every number
// comes from Rust (StrengthExplanation); this only rounds and says them.
import type { Schedule, StrengthExplanation } from "../../api";
import { relativeDay } from "./days";
import { formatPercent, scheduleWording } from "./format";

/** "about 5%": the share one on-schedule day closes, one decimal when it would round to 0. */
function aboutPercent(share: number): string {
  const pct = share * 100;
  return `about ${pct >= 1 ? Math.round(pct) : pct.toFixed(1)}%`;
}

/** The sentences of the explanation, in reading order. */
export function explainStrength(
  e: StrengthExplanation,
  schedule: Schedule,
  today: string,
  locale?: string,
): string[] {
  const daily = schedule.times === schedule.days;
  const which = daily ? "Each day you do it" : `Each day you keep to ${scheduleWording(schedule)}`;
  const halves = Math.round(e.half_life_days);
  const when = relativeDay(e.next_done_date, today, locale);
  const doing = when === "today" || when === "tomorrow" ? `doing it ${when}` : `doing it on ${when}`;
  const now = formatPercent(e.current);
  const next = formatPercent(e.if_done);
  const bring = next === now ? `would keep you at ${next}` : `would bring you to ${next}`;
  return [
    `${which} closes ${aboutPercent(e.gain_share)} of the gap to full strength; without it, strength halves in about ${halves === 1 ? "1 day" : `${halves} days`}.`,
    `You're at ${now} now; ${doing} ${bring}; a week without it would take you to ${formatPercent(e.after_week_without)}.`,
    "A day marked “not today” leaves the strength where it was, so a day with no chance costs nothing.",
  ];
}
