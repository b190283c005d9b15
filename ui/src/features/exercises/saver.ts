// Saving as the person types: wait for a pause (or a blur), then save the latest value. Saves run
// one after another, so an older text can never land after a newer one, and "saved" is only
// reported once the newest value has been confirmed.

export type SaveStatus = "idle" | "waiting" | "saving" | "saved" | "failed";

export type Schedule = (fn: () => void, ms: number) => () => void;

const timeout: Schedule = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

export class DebouncedSave<T> {
  readonly #save: (value: T) => Promise<unknown>;
  readonly #onstatus: (status: SaveStatus, error?: unknown) => void;
  readonly #delayMs: number;
  readonly #schedule: Schedule;
  #pending: { value: T } | null = null;
  #cancel: (() => void) | null = null;
  #queue: Promise<boolean> = Promise.resolve(true);
  /** Saves queued or running: "saved" waits for the last of them. */
  #queued = 0;

  constructor(
    save: (value: T) => Promise<unknown>,
    onstatus: (status: SaveStatus, error?: unknown) => void,
    delayMs = 400,
    schedule: Schedule = timeout,
  ) {
    this.#save = save;
    this.#onstatus = onstatus;
    this.#delayMs = delayMs;
    this.#schedule = schedule;
  }

  /** A new value: saved after `delayMs` without another change. */
  change(value: T): void {
    this.#pending = { value };
    this.#cancel?.();
    this.#cancel = this.#schedule(() => void this.flush(), this.#delayMs);
    this.#onstatus("waiting");
  }

  /** Saves what is waiting now; resolves to whether everything so far is saved. */
  flush(): Promise<boolean> {
    this.#cancel?.();
    this.#cancel = null;
    const pending = this.#pending;
    if (pending) {
      this.#pending = null;
      this.#queued += 1;
      this.#queue = this.#queue.then(() => this.#run(pending));
    }
    return this.#queue;
  }

  async #run(pending: { value: T }): Promise<boolean> {
    this.#onstatus("saving");
    try {
      await this.#save(pending.value);
    } catch (error) {
      this.#queued -= 1;
      // Keep the value so the next flush (a blur, moving on) tries again, unless a newer one waits.
      if (this.#pending === null && this.#queued === 0) this.#pending = pending;
      this.#onstatus("failed", error);
      return false;
    }
    this.#queued -= 1;
    if (!this.#pending && this.#queued === 0) this.#onstatus("saved");
    return true;
  }
}
