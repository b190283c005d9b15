// Switching the person every "my …" screen acts for: Rust keeps the choice, the UI mirrors it in
// `nav.acting` and reloads whatever screen is open.
import type { Person } from "../../bindings/Person";
import { switchPerson } from "../../api/people";
import { nav, type Route } from "../../app/nav.svelte";

/** Acts for `person` ("me" or a client) from now on, then shows `then`. */
export async function actFor(person: Pick<Person, "id">, then: Route = { name: "home" }): Promise<Person> {
  const acting = await switchPerson(person.id);
  nav.acting = acting.kind === "client" ? acting : null;
  nav.personVersion += 1;
  nav.go(then);
  return acting;
}
