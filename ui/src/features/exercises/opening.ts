// Another screen can send the person to one exercise (the results' "Exercises to try"): the
// library takes the request when it opens and starts that exercise in the player, as its own
// Start button does.
import { nav } from "../../app/nav.svelte";

let requested: string | null = null;

export function openExercise(id: string): void {
  requested = id;
  nav.go({ name: "exercises" });
}

/** The exercise asked for, once: closing the player afterwards shows the library as usual. */
export function takeRequestedExercise(): string | null {
  const id = requested;
  requested = null;
  return id;
}
