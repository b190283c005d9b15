// Test data for the coach's screens: people, consent, a client's overview, and the libraries a
// session's pickers list.
import type { ClientOverview, Consent, PersonSummary, Session } from "../../api/people";
import type { Person } from "../../bindings/Person";

export const stamp = "2026-11-22T09:00:00.000Z";

export const person = (id: number, name: string, kind: "me" | "client" = "client"): Person => ({
  id,
  kind,
  name,
  created_at: stamp,
  updated_at: stamp,
});

export const consent: Consent = {
  id: 1,
  agreed_on: "2026-11-20",
  terms: "Notes kept on this laptop.",
  withdrawn_on: null,
  recorded_at: stamp,
};

export const withdrawn: Consent = { ...consent, withdrawn_on: "2026-12-01" };

export const summary = (
  id: number,
  name: string,
  kind: "me" | "client" = "client",
  over: Partial<PersonSummary> = {},
): PersonSummary => ({
  person: person(id, name, kind),
  contact: kind === "client" ? "noor@example.org" : null,
  tags: kind === "client" ? ["pilot"] : [],
  consent: kind === "client" ? consent : null,
  last_session: null,
  completed_assessments: 0,
  ...over,
});

export const session: Session = {
  id: 5,
  person_id: 2,
  starts_at: "2026-11-22T09:30:00",
  agenda: "Who opens the stand-up?",
  notes: "",
  updated_at: stamp,
};

export const overview = (over: Partial<ClientOverview> = {}): ClientOverview => ({
  summary: summary(2, "Noor Haddad"),
  consents: [consent],
  latest: null,
  unfinished_since: null,
  sessions: [session],
  homework: [],
  timeline: [],
  ...over,
});

/** What a client's page asks for besides the overview. */
export const common = {
  get_habit_library: () => [{ id: "let-others-go-first", name: "Let someone else go first" }],
  get_exercises: () => [{ id: "listen-first", title: "Listen first" }],
  get_programmes: () => [],
  list_session_items: () => [],
  get_observer_view: () => ({
    requests: [],
    instrument_id: "leadback-core",
    instrument_version: 1,
    forms_possible: true,
    own: null,
    summary: { observers: 0, stances: {} },
  }),
};
