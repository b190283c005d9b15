// Adding a habit from the library, wherever it is offered (the library itself, the assessment's
// suggestions on the results and at home): the library, which of its habits are already on the
// list, one add at a time, and Rust's reason when an add fails.
import { SvelteSet } from "svelte/reactivity";
import { addLibraryHabit, explain, getHabitLibrary, getHabits, type Explained, type LibraryHabit } from "../../api";

export class FromLibrary {
  /** The whole library, null until it has loaded. */
  habits = $state<LibraryHabit[] | null>(null);
  /** Library ids already on the list (active habits), including the ones added here. */
  readonly added = new SvelteSet<string>();
  /** The id being added, while Rust saves it. */
  adding = $state<string | null>(null);
  error = $state<Explained | null>(null);

  async load(): Promise<void> {
    try {
      const [all, mine] = await Promise.all([getHabitLibrary(), getHabits(false)]);
      this.habits = all;
      for (const { habit } of mine) if (habit.library_id) this.added.add(habit.library_id);
    } catch (err) {
      this.error = explain(err);
    }
  }

  find(id: string): LibraryHabit | undefined {
    return this.habits?.find((h) => h.id === id);
  }

  /** Adds the library habit `id` to the list; true once Rust has saved it. */
  async add(id: string): Promise<boolean> {
    this.adding = id;
    this.error = null;
    try {
      await addLibraryHabit(id);
      this.added.add(id);
      return true;
    } catch (err) {
      this.error = explain(err);
      return false;
    } finally {
      this.adding = null;
    }
  }
}
