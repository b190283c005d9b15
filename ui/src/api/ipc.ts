// The one place that talks to Rust. Every call goes through `call`, which turns whatever the shell
// rejects with into an `ApiError` the screens can switch on.
import { invoke } from "@tauri-apps/api/core";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { IpcError } from "../bindings/IpcError";

export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "ApiError";
    this.code = code;
  }
}

const CODES: readonly ErrorCode[] = [
  "invalid_input",
  "bad_request",
  "not_found",
  "newer_database",
  "damaged_database",
  "storage",
  "locked",
  "consent_withdrawn",
  "internal",
] satisfies readonly ErrorCode[];

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof message === "string" && CODES.includes(code as ErrorCode);
}

export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  if (isIpcError(raw)) return new ApiError(raw.code, raw.message);
  // The shell rejects calls it cannot deliver (missing or wrongly typed arguments, a command this
  // window may not call) with a bare string, before any of our Rust code runs.
  if (typeof raw === "string") return new ApiError("bad_request", raw);
  return new ApiError("internal", raw instanceof Error ? raw.message : String(raw));
}

/** Dispatched on `window` when Rust answers that the data is locked or was found damaged after
 * start-up: the app shell then shows the lock or recovery screen, whatever screen was open. */
export const DATA_CLOSED_EVENT = "leadback:data-closed";

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    const err = toApiError(raw);
    if (err.code === "locked" || err.code === "damaged_database") {
      window.dispatchEvent(new CustomEvent(DATA_CLOSED_EVENT, { detail: err.code }));
    }
    throw err;
  }
}
