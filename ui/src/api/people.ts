// A coach's clients: the people list and switcher, consent, sessions and their notes, homework,
// and erasing a client. Every "my …" call elsewhere acts for the person chosen with switchPerson.
import type { ClientInput } from "../bindings/ClientInput";
import type { ClientOverview } from "../bindings/ClientOverview";
import type { Consent } from "../bindings/Consent";
import type { ConsentInput } from "../bindings/ConsentInput";
import type { ErasePreview } from "../bindings/ErasePreview";
import type { ExportSummary } from "../bindings/ExportSummary";
import type { Homework } from "../bindings/Homework";
import type { HomeworkInput } from "../bindings/HomeworkInput";
import type { Person } from "../bindings/Person";
import type { PersonSummary } from "../bindings/PersonSummary";
import type { Session } from "../bindings/Session";
import type { SessionInput } from "../bindings/SessionInput";
import { call } from "./ipc";

export type {
  ClientInput,
  ClientOverview,
  Consent,
  ConsentInput,
  ErasePreview,
  Homework,
  HomeworkInput,
  PersonSummary,
  Session,
  SessionInput,
};
export type { TimelineEntry } from "../bindings/TimelineEntry";

/** "Me" first, then every client by name. */
export function listPeople(): Promise<PersonSummary[]> {
  return call<PersonSummary[]>("list_people");
}

/** The person every "my …" call acts for now. */
export function getActingPerson(): Promise<Person | null> {
  return call<Person | null>("get_acting_person");
}

/** Acts for this person from now on. */
export function switchPerson(personId: number): Promise<Person> {
  return call<Person>("switch_person", { personId });
}

export function addClient(client: ClientInput, consent: ConsentInput): Promise<PersonSummary> {
  return call<PersonSummary>("add_client", { client, consent });
}

export function updateClient(personId: number, client: ClientInput): Promise<PersonSummary> {
  return call<PersonSummary>("update_client", { personId, client });
}

export function recordConsent(personId: number, consent: ConsentInput): Promise<Consent> {
  return call<Consent>("record_consent", { personId, consent });
}

export function withdrawConsent(personId: number): Promise<Consent> {
  return call<Consent>("withdraw_consent", { personId });
}

export function getClientOverview(personId: number): Promise<ClientOverview> {
  return call<ClientOverview>("get_client_overview", { personId });
}

export function addSession(personId: number, session: SessionInput): Promise<Session> {
  return call<Session>("add_session", { personId, session });
}

export function updateSession(sessionId: number, session: SessionInput): Promise<Session> {
  return call<Session>("update_session", { sessionId, session });
}

/** Saves the notes as typed; resolves to when they were saved. */
export function saveSessionNotes(sessionId: number, notes: string): Promise<string> {
  return call<string>("save_session_notes", { sessionId, notes });
}

export function deleteSession(sessionId: number): Promise<null> {
  return call<null>("delete_session", { sessionId });
}

/** Sets homework in a session; resolves to the client's homework with its progress. */
export function assignHomework(sessionId: number, homework: HomeworkInput): Promise<Homework[]> {
  return call<Homework[]>("assign_homework", { sessionId, homework });
}

export function erasePreview(personId: number): Promise<ErasePreview> {
  return call<ErasePreview>("erase_preview", { personId });
}

/** Erases the client; `confirmName` must be their name exactly. */
export function erasePerson(personId: number, confirmName: string): Promise<ErasePreview> {
  return call<ErasePreview>("erase_person", { personId, confirmName });
}

/** Writes every row about the person to a JSON file: their data, for them. */
export function exportPersonJson(personId: number, path: string): Promise<ExportSummary> {
  return call<ExportSummary>("export_person_json", { personId, path });
}

/** Writes the person's assessment results as CSV; resolves to the number of rows. */
export function exportResultsCsv(personId: number, path: string): Promise<number> {
  return call<number>("export_results_csv", { personId, path });
}
