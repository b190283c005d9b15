// What a programme's items say and whether each is done, for the programme screens.
import type { Programme, ProgrammeItem, ProgrammeProgress } from "../../api/programmes";
import { said, type Said } from "../../app/said";

export interface Names {
  exercises: Map<string, string>;
  habits: Map<string, string>;
}

/** "kebab-id" → "Kebab id", for a name the libraries do not (or no longer) have. */
function fallback(id: string): string {
  const words = id.split("-").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One line saying what an item asks for; a prompt is the facilitator's own words, kept apart. */
export function itemLabel(item: ProgrammeItem, names: Names): Said {
  switch (item.kind) {
    case "assessment":
      return ["Take the self-assessment"];
    case "exercise":
      return [`Exercise: ${names.exercises.get(item.exercise) ?? fallback(item.exercise)}`];
    case "habit":
      return [`Start the habit “${names.habits.get(item.habit) ?? fallback(item.habit)}”`];
    case "prompt":
      return said`Reflect: ${item.prompt}`;
  }
}

/** Whether each item of the programme is done, from the keys Rust reports as done. */
export function doneStates(programme: Programme, progress: ProgrammeProgress): Record<string, boolean> {
  const done = new Set(progress.done);
  const states: Record<string, boolean> = {};
  for (const day of programme.days) for (const item of day.items) states[item.key] = done.has(item.key);
  return states;
}

/** "2 of 3 required done · 1 of 1 optional" for a day. */
export function dayCounts(d: { required: number; required_done: number; optional: number; optional_done: number }): string {
  const parts: string[] = [];
  if (d.required > 0) parts.push(`${d.required_done} of ${d.required} done`);
  if (d.optional > 0) parts.push(`${d.optional_done} of ${d.optional} optional`);
  return parts.join(" · ");
}
