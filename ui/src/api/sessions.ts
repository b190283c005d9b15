// A client's sessions beyond their notes: the list, the timeline, what was run or used in each
// session, and the day homework is due. Each call names the person, session or record it is about.
import type { Homework } from "../bindings/Homework";
import type { Session } from "../bindings/Session";
import type { SessionItem } from "../bindings/SessionItem";
import type { SessionItemInput } from "../bindings/SessionItemInput";
import type { TimelineEntry } from "../bindings/TimelineEntry";
import { call } from "./ipc";

export type { SessionItem, SessionItemInput };
export type { SessionItemKind } from "../bindings/SessionItemKind";

/** A person's sessions, newest first. */
export function listSessions(personId: number): Promise<Session[]> {
  return call<Session[]>("list_sessions", { personId });
}

/** Sessions, finished assessments and exercises, and habits taken on, newest first. */
export function getClientTimeline(personId: number): Promise<TimelineEntry[]> {
  return call<TimelineEntry[]>("get_client_timeline", { personId });
}

/** What was run or used in each of the person's sessions, session by session. */
export function listSessionItems(personId: number): Promise<SessionItem[]> {
  return call<SessionItem[]>("list_session_items", { personId });
}

/** Notes that an assessment, habit, exercise or programme was run in the session (once each). */
export function addSessionItem(sessionId: number, item: SessionItemInput): Promise<SessionItem> {
  return call<SessionItem>("add_session_item", { sessionId, item });
}

/** Takes an item off its session; the record it names stays. */
export function removeSessionItem(itemId: number): Promise<SessionItem> {
  return call<SessionItem>("remove_session_item", { itemId });
}

/** Sets the day homework is due ("YYYY-MM-DD") or clears it (null); resolves to the homework. */
export function setHomeworkDue(homeworkId: number, dueOn: string | null): Promise<Homework[]> {
  return call<Homework[]>("set_homework_due", { homeworkId, dueOn });
}
