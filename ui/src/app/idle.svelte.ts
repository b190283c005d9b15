// Locking: the lock state every screen shares, and the watch that locks the data after the idle
// minutes the person chose. Rust keeps the setting and does the locking; the window only knows
// whether anybody has touched the keyboard, mouse or screen lately.
import { getLockState, lock, type LockState } from "../api/lock";

class Locking {
  encrypted = $state(false);
  /** While true, App shows only the lock screen. */
  locked = $state(false);
  idleMinutes = $state<number | null>(null);

  apply(state: LockState): void {
    this.encrypted = state.encrypted;
    this.locked = state.locked;
    this.idleMinutes = state.idle_minutes;
  }

  /** Reads the state from Rust again; call it after anything that changes it. */
  async refresh(): Promise<void> {
    this.apply(await getLockState());
  }

  /** Locks the data now; App then shows the lock screen. */
  async lockNow(): Promise<void> {
    await lock();
    this.locked = true;
  }
}

export const locking = new Locking();

const ACTIVITY = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"] as const;

/**
 * Calls `onidle` once, after `ms` without keyboard, pointer, wheel or touch activity on `target`.
 * Returns a function that stops watching.
 *
 * Activity only notes the time; the one timer, when it fires early, is set again for what is left.
 * The time is the wall clock, so minutes the computer spent asleep count as idle.
 */
export function watchIdle(ms: number, onidle: () => void, target: EventTarget = window): () => void {
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const note = () => {
    last = Date.now();
  };
  const check = () => {
    const left = last + ms - Date.now();
    if (left > 0) {
      timer = setTimeout(check, left);
      return;
    }
    stop();
    onidle();
  };
  const stop = () => {
    clearTimeout(timer);
    for (const type of ACTIVITY) target.removeEventListener(type, note, { capture: true });
  };
  for (const type of ACTIVITY) target.addEventListener(type, note, { capture: true, passive: true });
  timer = setTimeout(check, ms);
  return stop;
}
