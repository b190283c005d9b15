// Which screen is showing. A handful of screens and no URLs to share, so a typed state object is
// all the routing the app needs: screens call `nav.go(...)`, App.svelte renders `nav.route`.

export type Route =
  | { name: "home" }
  | { name: "assessment" }
  | { name: "results"; id: number }
  | { name: "history" }
  | { name: "compare"; a: number; b: number }
  | { name: "habits" }
  | { name: "add-habit" }
  | { name: "edit-habit"; id: number }
  | { name: "habit"; id: number }
  | { name: "progress" }
  | { name: "exercises" }
  | { name: "journal" }
  | { name: "programmes" }
  | { name: "settings" }
  | { name: "clients" }
  | { name: "client"; id: number };

import type { Person } from "../bindings/Person";

class Nav {
  route: Route = $state({ name: "home" });
  /** True once the person has at least one finished assessment; shows History in the header. */
  hasResults = $state(false);
  /**
   * Set while a client answers the assessment at the coach's screen: the app shows only the
   * questionnaire and its result (features/clientmode), full screen, until the coach leaves it.
   * With `observerRequest`, an observer answers that request's form (the hand-over) instead.
   */
  clientMode = $state<{ name: string; observerRequest?: number } | null>(null);
  /** The client every "my …" screen acts for, or null for the person using the app. */
  acting = $state<Person | null>(null);
  /** Grows whenever the person acted for changes, so every screen reloads its data. */
  personVersion = $state(0);

  go(route: Route): void {
    this.route = route;
  }
}

export const nav = new Nav();
