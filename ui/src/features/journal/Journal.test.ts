import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { JournalEntry } from "../../api/exercises";
import { fakeRust, pause, walk } from "../exercises/fixtures";
import { localDay } from "./days";
import Journal from "./Journal.svelte";

beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
afterEach(() => vi.useRealTimers());

const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

const entries: JournalEntry[] = [
  { id: 3, kind: "reflection", day: "2026-11-02", stance: "behind", exercise_id: "walk-at-the-back", habit_id: null, habit_name: null, text: "Sam found the path." },
  { id: 2, kind: "check-in", day: "2026-11-02", stance: "servant", exercise_id: null, habit_id: 5, habit_name: "Listen before speaking", text: "Asked first." },
  { id: 1, kind: "note", day: "2026-10-30", stance: null, exercise_id: null, habit_id: null, habit_name: null, text: "Tired today." },
];

function rust(found: (args: Record<string, unknown>) => JournalEntry[] = () => entries) {
  return fakeRust({
    get_journal: found,
    get_exercises: () => [pause, walk],
    add_journal_note: () => 4,
    export_journal: () => null,
    "plugin:dialog|save": () => "/home/ada/journal.md",
  });
}

const journalCalls = (calls: [string, Record<string, unknown>][]) => calls.filter(([c]) => c === "get_journal");

describe("the journal", () => {
  it("shows entries grouped by day, newest first, each check-in with its habit", async () => {
    rust();
    render(Journal);
    const days = await screen.findAllByRole("region", { name: /2026/ });
    expect(days.map((d) => within(d).getByRole("heading").textContent)).toEqual([
      expect.stringMatching(/^Monday.*November.*2026/),
      expect.stringMatching(/^Friday.*October.*2026/),
    ]);
    expect(within(days[0] as HTMLElement).getAllByRole("listitem").map((li) => li.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Reflection · The walk at the back Sam found the path.",
      "Check-in note · Listen before speaking Asked first.",
    ]);
  });

  it("lets what a person wrote run its own way: the entry, its habit's name, the search and the new note", async () => {
    const arabic: JournalEntry = { id: 7, kind: "check-in", day: "2026-11-02", stance: "servant", exercise_id: null, habit_id: 5, habit_name: "أستمع قبل أن أتكلم", text: "سألت أولاً." };
    rust(() => [arabic]);
    render(Journal);
    const text = await screen.findByText("سألت أولاً.");
    expect(text.getAttribute("dir")).toBe("auto");
    const habit = screen.getByText("أستمع قبل أن أتكلم");
    expect(habit.localName).toBe("bdi");
    expect(habit.parentElement?.textContent?.replace(/\s+/g, " ").trim()).toBe("Check-in note · أستمع قبل أن أتكلم");
    expect(screen.getByRole("searchbox", { name: "Search" }).getAttribute("dir")).toBe("auto");
    expect(screen.getByLabelText("What did you notice?").getAttribute("dir")).toBe("auto");
  });

  it("searches once the person pauses typing, with the words as the query", async () => {
    const calls = rust(({ search }) => (search ? entries.slice(0, 1) : entries));
    render(Journal);
    await screen.findByText("Tired today.");
    await user().type(screen.getByRole("searchbox", { name: "Search" }), "path");
    expect(journalCalls(calls)).toHaveLength(1);
    vi.advanceTimersByTime(300);
    await vi.waitFor(() => expect(screen.queryByText("Tired today.")).toBeNull());
    expect(journalCalls(calls)).toEqual([
      ["get_journal", { search: null, stance: null, exerciseId: null }],
      ["get_journal", { search: "path", stance: null, exerciseId: null }],
    ]);
    expect(screen.getByText("1 entry found")).toBeTruthy();
  });

  it("filters by stance and by exercise, and says when nothing matches", async () => {
    const calls = rust(({ exerciseId }) => (exerciseId ? [] : entries));
    render(Journal);
    await screen.findByText("Tired today.");
    await user().selectOptions(screen.getByRole("combobox", { name: "Stance" }), "Leading from behind");
    await user().selectOptions(screen.getByRole("combobox", { name: "Exercise" }), "A pause before you speak");
    expect(await screen.findByText("Nothing in your journal matches that.")).toBeTruthy();
    expect(journalCalls(calls).at(-1)).toEqual([
      "get_journal",
      { search: null, stance: "behind", exerciseId: "quick-pause" },
    ]);
    await user().click(screen.getByRole("button", { name: "Show everything" }));
    await screen.findByText("Tired today.");
  });

  it("invites a first entry when the journal is empty, and adds a note for today", async () => {
    const calls = rust(() => []);
    render(Journal);
    expect(await screen.findByText(/Your journal is empty for now/)).toBeTruthy();
    await user().type(screen.getByLabelText("What did you notice?"), "Let Ana run the meeting.");
    await user().click(screen.getByRole("button", { name: "Add to journal" }));
    await vi.waitFor(() =>
      expect(calls).toContainEqual(["add_journal_note", { day: localDay(), text: "Let Ana run the meeting." }]),
    );
    await vi.waitFor(() => expect(journalCalls(calls)).toHaveLength(2));
  });

  it("exports as Markdown to the file chosen in the save dialog", async () => {
    const calls = rust();
    render(Journal);
    await screen.findByText("Tired today.");
    await user().click(screen.getByRole("button", { name: "Export as Markdown…" }));
    expect(await screen.findByText("Saved your journal to /home/ada/journal.md.")).toBeTruthy();
    expect(calls).toContainEqual(["export_journal", { path: "/home/ada/journal.md" }]);
  });
});
