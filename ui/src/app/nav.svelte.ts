// Which screen is showing. A handful of screens and no URLs to share, so a typed state object is
// all the routing the app needs: screens call `nav.go(...)`, App.svelte renders `nav.route`.

import { people } from "./people.svelte";

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

class Nav {
  route: Route = $state({ name: "home" });
  /**
   * True once the person the app works for has a finished assessment; shows History in the
   * header. The people store decides (app/people.svelte.ts); screens that load the history say
   * what they found, for that person.
   */
  get hasResults(): boolean {
    return people.hasResults;
  }
  set hasResults(value: boolean) {
    people.hasResults = value;
  }
  /**
   * Set while a client answers the assessment at the coach's screen: the app shows only the
   * questionnaire and its result (features/clientmode), full screen, until the coach leaves it,
   * then the client's page (`personId`). With `observerRequest`, an observer answers that
   * request's form (the hand-over) instead.
   */
  clientMode = $state<{ name: string; personId?: number; observerRequest?: number } | null>(null);

  go(route: Route): void {
    this.route = route;
  }
}

export const nav = new Nav();
