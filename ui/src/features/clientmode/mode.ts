// Entering and leaving the client-facing assessment and the observer hand-over. While either is
// on, App shows only ClientMode: the questionnaire then its result, or the observer's form, full
// screen, nothing of other clients, notes or menus.
import { setClientMode } from "../../api/clientMode";
import { nav } from "../../app/nav.svelte";

/** Hands the screen to `name` for the assessment (started or resumed for the acting person). */
export async function enterClientMode(name: string): Promise<void> {
  nav.clientMode = { name };
  nav.go({ name: "assessment" });
  // Full screen is a nicety: if the window manager refuses it, the mode still hides everything.
  await setClientMode(true).catch(() => undefined);
}

/** Hands the screen to an observer (`name`) to answer their form; the coach's screen stays behind. */
export async function enterObserverMode(name: string, requestId: number): Promise<void> {
  nav.clientMode = { name, observerRequest: requestId };
  await setClientMode(true).catch(() => undefined);
}

/** Gives the screen back to the coach: after an observer, where they were; else on the result. */
export async function leaveClientMode(): Promise<void> {
  const observer = nav.clientMode?.observerRequest !== undefined;
  nav.clientMode = null;
  if (!observer && nav.route.name !== "results") nav.go({ name: "home" });
  await setClientMode(false).catch(() => undefined);
}
