// Entering and leaving the client-facing assessment. While it is on, App shows only ClientMode:
// the questionnaire, then its result, full screen, nothing of other clients, notes or menus.
import { setClientMode } from "../../api/clientMode";
import { nav } from "../../app/nav.svelte";

/** Hands the screen to `name` for the assessment (started or resumed for the acting person). */
export async function enterClientMode(name: string): Promise<void> {
  nav.clientMode = { name };
  nav.go({ name: "assessment" });
  // Full screen is a nicety: if the window manager refuses it, the mode still hides everything.
  await setClientMode(true).catch(() => undefined);
}

/** Gives the screen back to the coach, on the result if there is one. */
export async function leaveClientMode(): Promise<void> {
  nav.clientMode = null;
  if (nav.route.name !== "results") nav.go({ name: "home" });
  await setClientMode(false).catch(() => undefined);
}
