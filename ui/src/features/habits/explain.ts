// The explanation of a habit's strength in words, with the person's own numbers. Every number
// comes from Rust (StrengthExplanation); this only rounds and says them.
import type { Measure, Schedule, StrengthExplanation } from "../../api";
import { relativeDay } from "./days";
import { formatPercent, scheduleWording } from "./format";

/** "about 5%": the share one on-schedule day closes, one decimal when it would round to 0. */
function aboutPercent(share: number): string {
  const pct = share * 100;
  return `about ${pct >= 1 ? Math.round(pct) : pct.toFixed(1)}%`;
}

function halfLife(days: number): string {
  const halves = Math.round(days);
  return halves === 1 ? "1 day" : `${halves} days`;
}

const SKIP = "A day marked “not today” leaves the strength where it was, so a day with no chance costs nothing.";

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
    `${which} closes ${aboutPercent(e.gain_share)} of the gap to full strength; without it, strength halves in about ${halfLife(halves)}.`,
    `You're at ${now} now; ${doing} ${bring}; a week without it would take you to ${formatPercent(e.after_week_without)}.`,
    SKIP,
  ];
}

/**
 * The explanation for a measurable habit, by Loop's rule for them: each day the period ending
 * that day is set against the target, and a full day is one that meets it (or, "at most", stays
 * within it); part of the way there counts for part.
 */
export function explainMeasured(
  e: StrengthExplanation,
  measure: Measure,
  schedule: Schedule,
  today: string,
  locale?: string,
): string[] {
  const meets = measure.at_most ? "stay within the target" : "meet the target";
  const which = schedule.days === 1 ? `Each day you ${meets}` : `Each day on which your last ${schedule.days} days ${meets}`;
  const partly = measure.at_most
    ? `going over closes less, and at twice the target or more strength halves in about ${halfLife(e.half_life_days)}`
    : `part of the way there closes part of that; with nothing entered, strength halves in about ${halfLife(e.half_life_days)}`;
  const when = relativeDay(e.next_done_date, today, locale);
  const meeting = `${measure.at_most ? "staying within" : "meeting"} the target ${when === "today" || when === "tomorrow" ? when : `on ${when}`}`;
  const now = formatPercent(e.current);
  const next = formatPercent(e.if_done);
  const bring = next === now ? `would keep you at ${next}` : `would bring you to ${next}`;
  return [
    `${which} closes ${aboutPercent(e.gain_share)} of the gap to full strength; ${partly}.`,
    `You're at ${now} now; ${meeting} ${bring}; a week with nothing more entered would take you to ${formatPercent(e.after_week_without)}.`,
    SKIP,
  ];
}
