import type { ErrorCode } from "../bindings/ErrorCode";
import { ApiError, toApiError } from "./ipc";

/** What the person is told for each kind of failure; the error's own message gives the detail. */
const HEADLINES: Record<ErrorCode, string> = {
  invalid_input: "Please check what you entered.",
  bad_request: "Leadback sent itself a request it could not read. This is a bug; please report it.",
  not_found: "That item no longer exists. It may have been deleted in another window.",
  newer_database: "Your data was saved by a newer version of Leadback.",
  damaged_database: "Your Leadback data file is damaged.",
  storage: "Leadback could not read or write its data.",
  locked: "Your data is locked.",
  consent_withdrawn: "This client withdrew consent.",
  internal: "Something went wrong inside Leadback.",
};

/** Errors after which the app cannot go on: nothing can be shown or saved until they are fixed. */
const FATAL: ReadonlySet<ErrorCode> = new Set(["newer_database", "damaged_database", "storage"]);

export interface Explained {
  code: ErrorCode;
  headline: string;
  detail: string;
  fatal: boolean;
}

export function explain(raw: unknown): Explained {
  const err: ApiError = toApiError(raw);
  return {
    code: err.code,
    headline: HEADLINES[err.code],
    detail: err.message,
    fatal: FATAL.has(err.code),
  };
}
