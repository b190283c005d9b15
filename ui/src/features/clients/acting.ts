// Switching the person every "my …" screen acts for: Rust keeps the choice, the people store
// (app/people.svelte.ts) mirrors it, and whatever screen is open reloads.
import type { Person } from "../../bindings/Person";
import { nav, type Route } from "../../app/nav.svelte";
import { people } from "../../app/people.svelte";

/** Acts for `person` ("me" or a client) from now on, then shows `then`. */
export async function actFor(person: Pick<Person, "id">, then: Route = { name: "home" }): Promise<Person> {
  const acting = await people.switchTo(person.id);
  nav.go(then);
  return acting;
}
