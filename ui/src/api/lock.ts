// The passphrase that encrypts the data at rest, and locking: unlock at start, lock now or after
// idle minutes. A forgotten passphrase cannot be recovered; the UI must say so where one is set.
import type { LockState } from "../bindings/LockState";
import { call } from "./ipc";

export type { LockState } from "../bindings/LockState";

export function getLockState(): Promise<LockState> {
  return call<LockState>("get_lock_state");
}

/** Opens the data; a wrong passphrase is refused (invalid_input) and nothing is touched. */
export function unlock(passphrase: string): Promise<null> {
  return call<null>("unlock", { passphrase });
}

/** Locks now; every command then answers with the "locked" code until `unlock`. */
export function lock(): Promise<null> {
  return call<null>("lock");
}

/**
 * Sets (current null), changes, or removes (new null) the passphrase. Returns how many older
 * backups could not be re-keyed (made with an even older passphrase) and were left as they were.
 */
export function setPassphrase(current: string | null, next: string | null): Promise<number> {
  return call<number>("set_passphrase", { current, new: next });
}

/** Lock after this many idle minutes (1–480), or never (null). */
export function setIdleLock(minutes: number | null): Promise<null> {
  return call<null>("set_idle_lock", { minutes });
}
