// Where focus goes after the editor moves, adds or removes a row, so a keyboard user stays put.
import { tick } from "svelte";

/** Focuses the element `id` once the DOM has caught up, or `fallback` if it is gone or disabled. */
export async function focusSoon(id: string, fallback?: string): Promise<void> {
  await tick();
  const wanted = document.getElementById(id);
  const usable = wanted && !(wanted instanceof HTMLButtonElement && wanted.disabled);
  (usable ? wanted : fallback ? document.getElementById(fallback) : null)?.focus();
}

/** After a move to `to`, the same arrow again, or the other one when that end is reached. */
export function focusMoved(prefix: (at: number) => string, from: number, to: number): Promise<void> {
  const [same, other] = to < from ? ["up", "down"] : ["down", "up"];
  return focusSoon(`${prefix(to)}-${same}`, `${prefix(to)}-${other}`);
}
