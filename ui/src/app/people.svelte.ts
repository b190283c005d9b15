// Who is in the app and whom it works for, kept in one place: the header, the person switcher, the
// "working with" banner and the navigation all read this store, and every screen that adds,
// renames, erases or switches a person refreshes it, so none of them can show an older list.
import { getActingPerson, listPeople, switchPerson, type PersonSummary } from "../api/people";
import type { Person } from "../bindings/Person";

class People {
  /** "Me" first, then every client by name; empty until first loaded. */
  list = $state<PersonSummary[]>([]);
  /** The person using the app, once known. */
  me = $state<Person | null>(null);
  /** The client every "my …" screen acts for, or null while the app works for "me". */
  acting = $state<Person | null>(null);
  /** Grows whenever the person acted for changes, so every open screen reloads its data. */
  version = $state(0);
  /**
   * What a screen that loaded the history found out about the person it showed, until the list
   * is loaded again: finishing an assessment shows History at once, without another call.
   */
  #results = $state<{ personId: number | null; value: boolean } | null>(null);

  /** The id of the person the app works for now (null before anything is known). */
  get currentId(): number | null {
    return this.acting?.id ?? this.me?.id ?? null;
  }

  get clients(): PersonSummary[] {
    return this.list.filter((p) => p.person.kind === "client");
  }

  /** True once the person the app works for has a finished assessment: History shows. */
  get hasResults(): boolean {
    const id = this.currentId;
    if (this.#results && this.#results.personId === id) return this.#results.value;
    return (this.list.find((p) => p.person.id === id)?.completed_assessments ?? 0) > 0;
  }

  set hasResults(value: boolean) {
    this.#results = { personId: this.currentId, value };
  }

  /** Loads the people and the acting person again (after an add, a rename, an erase). */
  async refresh(): Promise<void> {
    const [list, acting] = await Promise.all([listPeople(), getActingPerson()]);
    this.list = list;
    this.me = list.find((p) => p.person.kind === "me")?.person ?? this.me;
    this.#results = null;
    this.#setActing(acting);
  }

  /** Works for `personId` ("me" or a client) from now on; resolves to that person. */
  async switchTo(personId: number): Promise<Person> {
    const acting = await switchPerson(personId);
    this.#setActing(acting);
    // A client acted for may have been renamed or added since the list was loaded.
    await this.refresh().catch(() => undefined);
    return acting;
  }

  /** Drops an erased person at once, whatever the next refresh brings. */
  forget(personId: number): void {
    this.list = this.list.filter((p) => p.person.id !== personId);
    if (this.acting?.id === personId) this.#setActing(null);
  }

  /** Starts empty again, as when the app opens (each test case starts from here). */
  reset(): void {
    this.list = [];
    this.me = null;
    this.acting = null;
    this.#results = null;
  }

  #setActing(person: Person | null): void {
    const next = person?.kind === "client" ? person : null;
    const changed = (next?.id ?? null) !== (this.acting?.id ?? null);
    this.acting = next;
    if (changed) this.version += 1;
  }
}

export const people = new People();
