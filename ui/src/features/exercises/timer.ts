// A step's countdown, free of Svelte and of real time: the clock is passed in, so tests drive it
// with fake timers and the screen only renders the state it is told about.
//
// Time left is worked out from the clock on every tick, never by counting ticks, so a slow or
// suspended web view does not stretch the timer.

export interface Clock {
  /** Milliseconds, only ever compared with each other. */
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, fn) {
    const handle = setInterval(fn, ms);
    return () => clearInterval(handle);
  },
};

/** A soft bell at each interval, a full one at the end. */
export type Bell = "interval" | "end";

export interface TimerState {
  /** Whole seconds, as set by the exercise. */
  total: number;
  /** Whole seconds left, rounded up: "0:01" until the very end. */
  remaining: number;
  running: boolean;
  /** Started at least once since the last restart. */
  started: boolean;
  done: boolean;
}

export interface CountdownOptions {
  clock?: Clock;
  onchange?: (state: TimerState) => void;
  onbell?: (bell: Bell) => void;
  /** How often the display is refreshed while running. */
  tickMs?: number;
}

export class Countdown {
  readonly #totalMs: number;
  readonly #bellEveryMs: number | null;
  readonly #clock: Clock;
  readonly #onchange: (state: TimerState) => void;
  readonly #onbell: (bell: Bell) => void;
  readonly #tickMs: number;
  /** Time run before the current stretch; the current one runs since `#since`. */
  #elapsedMs = 0;
  #since: number | null = null;
  #intervalBells = 0;
  #started = false;
  #done = false;
  #stopTicking: (() => void) | null = null;

  constructor(seconds: number, bellEverySeconds: number | null, options: CountdownOptions = {}) {
    this.#totalMs = Math.max(0, seconds) * 1000;
    this.#bellEveryMs =
      bellEverySeconds && bellEverySeconds > 0 && bellEverySeconds < seconds ? bellEverySeconds * 1000 : null;
    this.#clock = options.clock ?? systemClock;
    this.#onchange = options.onchange ?? (() => {});
    this.#onbell = options.onbell ?? (() => {});
    this.#tickMs = options.tickMs ?? 200;
  }

  get state(): TimerState {
    const left = Math.max(0, this.#totalMs - this.#elapsed());
    return {
      total: this.#totalMs / 1000,
      remaining: Math.ceil(left / 1000),
      running: this.#since !== null,
      started: this.#started,
      done: this.#done,
    };
  }

  start(): void {
    if (this.#since !== null || this.#done) return;
    this.#started = true;
    this.#since = this.#clock.now();
    this.#stopTicking = this.#clock.every(this.#tickMs, () => this.#tick());
    this.#emit();
  }

  pause(): void {
    if (this.#since === null) return;
    this.#elapsedMs = this.#elapsed();
    this.#since = null;
    this.#halt();
    this.#emit();
  }

  /** Starts, pauses or resumes; after the end, starts again from the top. */
  toggle(): void {
    if (this.#done) this.restart();
    else if (this.#since === null) this.start();
    else this.pause();
  }

  /** Back to the full time, running. */
  restart(): void {
    this.#halt();
    this.#elapsedMs = 0;
    this.#since = null;
    this.#intervalBells = 0;
    this.#done = false;
    this.start();
  }

  /** Stops ticking for good (the step was left). */
  dispose(): void {
    this.pause();
    this.#halt();
  }

  #elapsed(): number {
    return this.#elapsedMs + (this.#since === null ? 0 : this.#clock.now() - this.#since);
  }

  #halt(): void {
    this.#stopTicking?.();
    this.#stopTicking = null;
  }

  #tick(): void {
    const elapsed = this.#elapsed();
    if (elapsed >= this.#totalMs) {
      this.#elapsedMs = this.#totalMs;
      this.#since = null;
      this.#done = true;
      this.#halt();
      this.#emit();
      this.#onbell("end");
      return;
    }
    if (this.#bellEveryMs !== null) {
      const due = Math.floor(elapsed / this.#bellEveryMs);
      // After a long stall several may be due: ring once, not a peal.
      if (due > this.#intervalBells) {
        this.#intervalBells = due;
        this.#onbell("interval");
      }
    }
    this.#emit();
  }

  #emit(): void {
    this.#onchange(this.state);
  }
}

/** "4:05", "0:09", "1:00:00" for the big display. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** "3 minutes", "1 minute 30 seconds", "45 seconds": for screen readers and the step's summary. */
export function describeDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts: string[] = [];
  if (m > 0) parts.push(`${m} ${m === 1 ? "minute" : "minutes"}`);
  if (s > 0 || m === 0) parts.push(`${s} ${s === 1 ? "second" : "seconds"}`);
  return parts.join(" ");
}
