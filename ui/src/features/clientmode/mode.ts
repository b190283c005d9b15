// Entering and leaving the client-facing assessment and the observer hand-over. While either is
// on, App shows only ClientMode: the questionnaire then its result, or the observer's form, full
// screen, nothing of other clients, notes or menus.
import { setClientMode } from "../../api/clientMode";
import { nav } from "../../app/nav.svelte";

/**
 * Hands the screen to `name` for the assessment (started or resumed for the acting person);
 * leaving it comes back to their page (`personId`).
 */
export async function enterClientMode(name: string, personId?: number): Promise<void> {
  nav.clientMode = personId === undefined ? { name } : { name, personId };
  nav.go({ name: "assessment" });
  // Full screen is a nicety: if the window manager refuses it, the mode still hides everything.
  await setClientMode(true).catch(() => undefined);
}

/** Hands the screen to an observer (`name`) to answer their form; the coach's screen stays behind. */
export async function enterObserverMode(name: string, requestId: number): Promise<void> {
  nav.clientMode = { name, observerRequest: requestId };
  await setClientMode(true).catch(() => undefined);
}

/**
 * Gives the screen back to the coach: after an observer, where they were; after a finished
 * assessment, on its result; after one left unfinished, on the client's page, which offers to
 * resume it.
 */
export async function leaveClientMode(): Promise<void> {
  const mode = nav.clientMode;
  nav.clientMode = null;
  if (mode?.observerRequest === undefined && nav.route.name !== "results") {
    nav.go(mode?.personId === undefined ? { name: "home" } : { name: "client", id: mode.personId });
  }
  await setClientMode(false).catch(() => undefined);
}
