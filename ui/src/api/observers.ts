// Observer (360) forms: asking observers (a name or a role) for their view of a person, their
// answers at this screen or through an exported form file, and the combined view beside the
// person's own, which Rust withholds per stance below three observers.
import type { ObserverForm } from "../bindings/ObserverForm";
import type { ObserverRequest } from "../bindings/ObserverRequest";
import type { ObserverView } from "../bindings/ObserverView";
import { call } from "./ipc";

export type { ObserverForm, ObserverRequest, ObserverView };
export type { StanceView } from "../bindings/StanceView";

/** The requests about a person and the observers' combined view beside their own scores. */
export function getObserverView(personId: number): Promise<ObserverView> {
  return call<ObserverView>("get_observer_view", { personId });
}

/** Asks an observer (a name or a role) for their view of the person. */
export function addObserverRequest(personId: number, observer: string): Promise<ObserverRequest> {
  return call<ObserverRequest>("add_observer_request", { personId, observer });
}

/** The items of an unanswered request, in the third person, for the hand-over screen. */
export function getObserverForm(requestId: number): Promise<ObserverForm> {
  return call<ObserverForm>("get_observer_form", { requestId });
}

/** Keeps the answers given at this screen (item id → value, null when left out); once only. */
export function submitObserverAnswers(
  requestId: number,
  answers: Record<string, number | null>,
): Promise<ObserverRequest> {
  return call<ObserverRequest>("submit_observer_answers", { requestId, answers });
}

/** Writes the request's form as one .html file; resolves to the name its answers file will have. */
export function exportObserverForm(requestId: number, path: string): Promise<string> {
  return call<string>("export_observer_form", { requestId, path });
}

/** Reads an observer's answers file about the person; refused if it is not theirs or was used. */
export function importObserverAnswers(personId: number, path: string): Promise<ObserverRequest> {
  return call<ObserverRequest>("import_observer_answers", { personId, path });
}

/** Withdraws a request nobody has answered yet. */
export function withdrawObserverRequest(requestId: number): Promise<ObserverRequest> {
  return call<ObserverRequest>("withdraw_observer_request", { requestId });
}
