import { said, type Said } from "../../app/said";

/** A greeting that fits the person's local time of day, their name kept apart (it may run right to left). */
export function greeting(name: string, hour: number): Said {
  if (hour >= 5 && hour < 12) return said`Good morning, ${name}`;
  if (hour >= 12 && hour < 18) return said`Good afternoon, ${name}`;
  return said`Good evening, ${name}`;
}
