// Changes another computer sent, brought in by the automatic sync while a screen is open. The open
// screen is not reloaded under the person's hands (a half-typed note would go); a notice offers
// to show them, and showing them reloads the screen's data as switching person does.
import { listen } from "@tauri-apps/api/event";

/** Rust's event after an automatic sync applied the other computers' files (payload: how many). */
export const ARRIVED_EVENT = "sync-arrived";

class Arrivals {
  /** Files brought in since the open screen last loaded its data. */
  waiting = $state(0);
  /** Grows when the person asks to see them: the open screen loads its data again. */
  version = $state(0);

  arrived(files: number) {
    if (files > 0) this.waiting += files;
  }

  show() {
    this.waiting = 0;
    this.version += 1;
  }
}

export const arrivals = new Arrivals();

/** Listens for Rust's event for the window's life (started once, beside the app). */
export async function watchArrivals(): Promise<void> {
  await listen<number>(ARRIVED_EVENT, (event) => arrivals.arrived(event.payload));
}
