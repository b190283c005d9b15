import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PersonSummary, Session } from "../../api/people";
import { nav } from "../../app/nav.svelte";
import { people } from "../../app/people.svelte";
import { wholeText } from "../../app/wholeText";
import { fakeRust } from "../assessment/fixtures";
import ClientOverview from "./ClientOverview.svelte";
import Clients from "./Clients.svelte";
import { common, overview, person, session, summary } from "./fixtures";

beforeEach(() => {
  people.reset();
  nav.go({ name: "client", id: 2 });
});
afterEach(() => vi.useRealTimers());

describe("correcting a client's details", () => {
  it("saves the name, contact and tags as typed, and shows them at once", async () => {
    let noor = summary(2, "Noor Hadad");
    const calls = fakeRust({
      ...common,
      get_client_overview: () => overview({ summary: noor }),
      update_client: ({ client }) => {
        const c = client as { name: string; contact: string | null; tags: string[] };
        noor = summary(2, c.name, "client", { contact: c.contact, tags: c.tags });
        return noor;
      },
      list_people: () => [summary(1, "Coach Kim", "me"), noor],
      get_acting_person: () => person(1, "Coach Kim", "me"),
    });
    render(ClientOverview, { id: 2 });
    await userEvent.click(await screen.findByRole("button", { name: "Edit details" }));
    const name = screen.getByLabelText("Name") as HTMLInputElement;
    expect(name.value).toBe("Noor Hadad");
    expect((screen.getByLabelText(/Tags/) as HTMLInputElement).value).toBe("pilot");
    await userEvent.clear(name);
    await userEvent.type(name, "Noor Haddad");
    await userEvent.clear(screen.getByLabelText("Contact (optional)"));
    await userEvent.type(screen.getByLabelText(/Tags/), ", team lead");
    await userEvent.click(screen.getByRole("button", { name: "Save the details" }));
    expect(calls).toContainEqual([
      "update_client",
      { personId: 2, client: { name: "Noor Haddad", contact: null, tags: ["pilot", "team lead"] } },
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "Noor Haddad" })).toBeTruthy();
    expect(screen.getByText(wholeText(/pilot, team lead/))).toBeTruthy();
    expect(people.list.map((p) => p.person.name)).toEqual(["Coach Kim", "Noor Haddad"]);
  });
});

describe("a session", () => {
  it("changes its day and agenda", async () => {
    let current: Session = session;
    const calls = fakeRust({
      ...common,
      get_client_overview: () => overview({ sessions: [current] }),
      update_session: ({ session: input }) => (current = { ...current, ...(input as object) }),
    });
    render(ClientOverview, { id: 2 });
    await userEvent.click(await screen.findByRole("button", { name: /^Edit the session of/ }));
    const when = screen.getByLabelText("When") as HTMLInputElement;
    expect(when.value).toBe("2026-11-22T09:30");
    await userEvent.clear(when);
    await userEvent.type(when, "2026-11-23T14:00");
    const agenda = screen.getByLabelText("Agenda");
    await userEvent.clear(agenda);
    await userEvent.type(agenda, "Who runs the retro?");
    await userEvent.click(screen.getByRole("button", { name: "Save the session" }));
    expect(calls).toContainEqual([
      "update_session",
      { sessionId: 5, session: { starts_at: "2026-11-23T14:00:00", agenda: "Who runs the retro?" } },
    ]);
    expect(await screen.findByRole("heading", { level: 3, name: /Who runs the retro\?/ })).toBeTruthy();
  });

  describe("deleted", () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));

    function rust() {
      let sessions = [session];
      const homework = [{ id: 3, session_id: 5, kind: "habit" as const, title: "Let someone else go first", habit_id: 4, exercise_id: null, assigned_on: "2026-11-22", done: 0, strength: null, due_on: null }];
      return fakeRust({
        ...common,
        get_client_overview: () => overview({ sessions, homework }),
        save_session_notes: () => "2026-11-22T10:00:00Z",
        delete_session: ({ sessionId }) => {
          sessions = sessions.filter((s) => s.id !== sessionId);
          return null;
        },
      });
    }
    const user = () => userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    const deleted = (calls: ReturnType<typeof rust>) => calls.filter(([c]) => c === "delete_session");

    it("asks first, naming what goes with it", async () => {
      const calls = rust();
      const u = user();
      render(ClientOverview, { id: 2 });
      await u.click(await screen.findByRole("button", { name: /^Delete the session of/ }));
      const dialog = screen.getByRole("alertdialog", { name: /^Delete the session of .*\?$/ });
      expect(dialog.textContent).toMatch(/Its notes go with it, and so do 1 piece of homework set in it/);
      await u.keyboard("{Escape}");
      expect(screen.queryByRole("alertdialog")).toBeNull();
      expect(screen.getByRole("heading", { level: 3, name: /Who opens the stand-up\?/ })).toBeTruthy();
      expect(deleted(calls)).toEqual([]);
    });

    it("hides it at once and deletes it for good only when the time to undo has passed", async () => {
      const calls = rust();
      const u = user();
      render(ClientOverview, { id: 2 });
      await u.click(await screen.findByRole("button", { name: /^Delete the session of/ }));
      await u.click(screen.getByRole("button", { name: "Delete the session" }));
      expect(screen.queryByRole("heading", { level: 3, name: /Who opens the stand-up\?/ })).toBeNull();
      expect(screen.getByRole("status").textContent).toMatch(/^Session deleted — /);
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Undo" }));
      expect(deleted(calls)).toEqual([]);

      vi.advanceTimersByTime(9_000);
      expect(deleted(calls)).toEqual([]);
      vi.advanceTimersByTime(1_000);
      await vi.waitFor(() => expect(deleted(calls)).toEqual([["delete_session", { sessionId: 5 }]]));
      expect(await screen.findByText("No sessions yet.")).toBeTruthy();
      expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    });

    it("comes back as it was on Undo, notes typed just before included", async () => {
      const calls = rust();
      const u = user();
      render(ClientOverview, { id: 2 });
      await u.type(await screen.findByLabelText("Notes (Markdown)"), "Noor let Sam open.");
      await u.click(screen.getByRole("button", { name: /^Delete the session of/ }));
      await u.click(screen.getByRole("button", { name: "Delete the session" }));
      await u.click(screen.getByRole("button", { name: "Undo" }));
      expect(screen.getByRole("heading", { level: 3, name: /Who opens the stand-up\?/ })).toBeTruthy();
      expect((screen.getByLabelText("Notes (Markdown)") as HTMLTextAreaElement).value).toBe("Noor let Sam open.");
      vi.advanceTimersByTime(20_000);
      expect(deleted(calls)).toEqual([]);
    });

    it("is deleted when the page is left before the time to undo is over", async () => {
      const calls = rust();
      const u = user();
      const page = render(ClientOverview, { id: 2 });
      await u.click(await screen.findByRole("button", { name: /^Delete the session of/ }));
      await u.click(screen.getByRole("button", { name: "Delete the session" }));
      page.unmount();
      await vi.waitFor(() => expect(deleted(calls)).toEqual([["delete_session", { sessionId: 5 }]]));
    });
  });
});

describe("finding a client in the list", () => {
  const clients: PersonSummary[] = [
    summary(1, "Coach Kim", "me"),
    summary(2, "José Núñez", "client", { contact: "jose@example.org", tags: ["pilot"] }),
    summary(3, "Noor Haddad", "client", { contact: "noor@example.org", tags: ["team lead"] }),
  ];
  const shown = () =>
    within(screen.getByRole("table"))
      .queryAllByRole("button")
      .map((b) => b.textContent);

  it("filters by name, contact or tag as the coach types, ignoring case and accents", async () => {
    fakeRust({ list_people: () => clients, get_acting_person: () => person(1, "Coach Kim", "me") });
    render(Clients);
    const search = await screen.findByRole("searchbox", { name: "Find a client" });
    expect(shown()).toEqual(["José Núñez", "Noor Haddad"]);
    await userEvent.type(search, "NUNEZ");
    expect(shown()).toEqual(["José Núñez"]);
    await userEvent.clear(search);
    await userEvent.type(search, "team");
    expect(shown()).toEqual(["Noor Haddad"]);
    await userEvent.clear(search);
    await userEvent.type(search, "noor@");
    expect(shown()).toEqual(["Noor Haddad"]);
  });

  it("says so when no client matches", async () => {
    fakeRust({ list_people: () => clients, get_acting_person: () => person(1, "Coach Kim", "me") });
    render(Clients);
    await userEvent.type(await screen.findByRole("searchbox", { name: "Find a client" }), "Zoë");
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByText(wholeText("No client matches “Zoë”."))).toBeTruthy();
  });
});
