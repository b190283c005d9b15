import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nav } from "../../app/nav.svelte";
import { people } from "../../app/people.svelte";
import { wholeText } from "../../app/wholeText";
import { fakeRust } from "../assessment/fixtures";
import ClientOverview from "./ClientOverview.svelte";
import Clients from "./Clients.svelte";
import { common, overview, person, stamp, summary } from "./fixtures";
import PersonSwitcher from "./PersonSwitcher.svelte";

beforeEach(() => {
  people.reset();
  nav.go({ name: "clients" });
  vi.useRealTimers();
});

describe("the client list", () => {
  it("adds a client only with their consent, then opens them", async () => {
    const calls = fakeRust({
      list_people: () => [summary(1, "Coach Kim", "me")],
      get_acting_person: () => person(1, "Coach Kim", "me"),
      add_client: () => summary(2, "Noor Haddad"),
    });
    render(Clients, { today: new Date(2026, 10, 22) });
    expect(await screen.findByText(/No clients yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Add a client" }));
    await userEvent.type(screen.getByLabelText("Name"), "Noor Haddad");
    await userEvent.type(screen.getByLabelText(/Tags/), "pilot, team lead");
    await userEvent.type(screen.getByLabelText("What was agreed"), "Notes kept on this laptop.");
    const add = screen.getByRole("button", { name: "Add the client" }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await userEvent.click(screen.getByLabelText("The client gave this consent"));
    await userEvent.click(add);
    expect(calls).toContainEqual([
      "add_client",
      {
        client: { name: "Noor Haddad", contact: null, tags: ["pilot", "team lead"] },
        consent: { agreed_on: "2026-11-22", terms: "Notes kept on this laptop." },
      },
    ]);
    expect(nav.route).toEqual({ name: "client", id: 2 });
  });

  it("lists clients with their consent", async () => {
    fakeRust({
      list_people: () => [summary(1, "Coach Kim", "me"), summary(2, "Noor Haddad")],
      get_acting_person: () => person(1, "Coach Kim", "me"),
    });
    render(Clients);
    const table = await screen.findByRole("table");
    expect(within(table).getByRole("button", { name: "Noor Haddad" })).toBeTruthy();
    expect(within(table).getByText(/^Given /)).toBeTruthy();
    expect(within(table).queryByText("Coach Kim")).toBeNull();
  });
});

describe("the person switcher", () => {
  it("shows who the app works for and switches to a client", async () => {
    let acting = person(1, "Coach Kim", "me");
    const calls = fakeRust({
      list_people: () => [summary(1, "Coach Kim", "me"), summary(2, "Noor Haddad")],
      get_acting_person: () => acting,
      switch_person: () => (acting = person(2, "Noor Haddad")),
    });
    await people.refresh();
    render(PersonSwitcher, { me: person(1, "Coach Kim", "me") });
    const select = (await screen.findByRole("combobox", { name: "Current person" })) as HTMLSelectElement;
    expect(select.selectedOptions[0]?.textContent).toBe("Coach Kim (me)");
    await userEvent.selectOptions(select, "2");
    expect(calls).toContainEqual(["switch_person", { personId: 2 }]);
    expect(people.acting?.name).toBe("Noor Haddad");
    expect(nav.route).toEqual({ name: "home" });
  });
});

describe("a client's overview", () => {
  it("saves session notes a moment after typing stops, and says so only once saved", async () => {
    const calls = fakeRust({ ...common, get_client_overview: () => overview(), save_session_notes: () => stamp });
    render(ClientOverview, { id: 2 });
    const notes = await screen.findByLabelText("Notes (Markdown)");
    await userEvent.type(notes, "Noor let Sam open.");
    await vi.waitFor(() => expect(screen.getByText("Saved")).toBeTruthy(), { timeout: 3000 });
    expect(calls.filter(([c]) => c === "save_session_notes").at(-1)).toEqual([
      "save_session_notes",
      { sessionId: 5, notes: "Noor let Sam open." },
    ]);
  });

  it("sets a library habit as homework from a session", async () => {
    const calls = fakeRust({ ...common, get_client_overview: () => overview(), assign_homework: () => [] });
    render(ClientOverview, { id: 2 });
    const select = await screen.findByLabelText("Set homework");
    await vi.waitFor(() => expect(within(select).getByText("Let someone else go first")).toBeTruthy());
    await userEvent.selectOptions(select, "habit:let-others-go-first");
    await userEvent.click(screen.getByRole("button", { name: "Assign" }));
    expect(calls).toContainEqual([
      "assign_homework",
      { sessionId: 5, homework: { kind: "habit", library_id: "let-others-go-first" } },
    ]);
  });

  it("notes what was run in a session and shows it under the session", async () => {
    let items: unknown[] = [];
    const calls = fakeRust({
      ...common,
      get_client_overview: () => overview(),
      list_session_items: () => items,
      add_session_item: () => {
        items = [{ id: 9, session_id: 5, kind: "exercise", record_id: null, library_id: "listen-first", title: "Listen first", finished: null, added_at: stamp }];
        return items[0];
      },
    });
    render(ClientOverview, { id: 2 });
    const select = await screen.findByLabelText("Note what was run");
    await vi.waitFor(() => expect(within(select).getByText("Listen first")).toBeTruthy());
    expect(screen.getByText("Nothing noted yet.")).toBeTruthy();
    await userEvent.selectOptions(select, "exercise:listen-first");
    await userEvent.click(screen.getByRole("button", { name: "Note it" }));
    expect(calls).toContainEqual(["add_session_item", { sessionId: 5, item: { kind: "exercise", exercise_id: "listen-first" } }]);
    expect(await screen.findByRole("button", { name: "Remove Listen first from this session" })).toBeTruthy();
  });

  it("shows an empty due day as an empty field with a hint, then sets the day homework is due", async () => {
    const homework = { id: 3, session_id: 5, kind: "habit" as const, title: "Let someone else go first", habit_id: 4, exercise_id: null, assigned_on: "2026-11-22", done: 2, strength: 0.1, due_on: null };
    const calls = fakeRust({ ...common, get_client_overview: () => overview({ homework: [homework] }), set_homework_due: () => [] });
    render(ClientOverview, { id: 2 });
    const due = (await screen.findByLabelText("Let someone else go first is due on")) as HTMLInputElement;
    // A date field with no date shows today in grey in WebKit: no date field until the coach goes to it.
    expect(due.type).toBe("text");
    expect(due.value).toBe("");
    expect(due.placeholder).toMatch(/No due day/);
    await userEvent.click(due);
    await vi.waitFor(() => expect(due.type).toBe("date"));
    expect(due.min).toBe("2026-11-22");
    await userEvent.type(due, "2026-11-29");
    await vi.waitFor(() => expect(calls).toContainEqual(["set_homework_due", { homeworkId: 3, dueOn: "2026-11-29" }]));
  });

  it("shows a set due day as a date", async () => {
    const homework = { id: 3, session_id: 5, kind: "exercise" as const, title: "Listen first", habit_id: null, exercise_id: "listen-first", assigned_on: "2026-11-22", done: 0, strength: null, due_on: "2026-11-29" };
    fakeRust({ ...common, get_client_overview: () => overview({ homework: [homework] }) });
    render(ClientOverview, { id: 2 });
    const due = (await screen.findByLabelText("Listen first is due on")) as HTMLInputElement;
    expect(due.type).toBe("date");
    expect(due.value).toBe("2026-11-29");
  });

  it("writes the PDF report where the coach chose, with session notes only when ticked", async () => {
    const calls = fakeRust({
      ...common,
      get_client_overview: () => overview(),
      "plugin:dialog|save": () => "/home/kim/noor-report.pdf",
      export_report: () => ({ pages: 3, bytes: 52000, missing_note: null }),
    });
    render(ClientOverview, { id: 2, now: new Date(2026, 10, 22, 12) });
    await userEvent.click(await screen.findByRole("button", { name: "Report as PDF…" }));
    const wrote = await screen.findByText(wholeText("Wrote Noor Haddad's report (3 pages) to /home/kim/noor-report.pdf."));
    // The name and the path, in whatever script, are isolated from the sentence.
    expect([...wrote.querySelectorAll("bdi")].map((b) => b.textContent)).toEqual(["Noor Haddad", "/home/kim/noor-report.pdf"]);
    expect(calls).toContainEqual(["export_report", { personId: 2, path: "/home/kim/noor-report.pdf", includeNotes: false }]);
    await userEvent.click(screen.getByLabelText("Include session notes"));
    await userEvent.click(screen.getByRole("button", { name: "Report as PDF…" }));
    expect(await screen.findByText(/3 pages, with session notes/)).toBeTruthy();
    expect(calls).toContainEqual(["export_report", { personId: 2, path: "/home/kim/noor-report.pdf", includeNotes: true }]);
    const save = calls.find(([c]) => c === "plugin:dialog|save");
    expect(JSON.stringify(save)).toContain("noor-haddad-report-2026-11-22.pdf");
  });

  it("says which characters no font could draw, after the report is written, until the next one", async () => {
    const note =
      "1 character could not be drawn, as no font on this computer has it: U+10FFFD. It shows as a box in the report (copying its text still gives it); install a font that has it (the Noto fonts cover most scripts) and write the report again.";
    let missing: string | null = note;
    fakeRust({
      ...common,
      get_client_overview: () => overview(),
      "plugin:dialog|save": () => "/home/kim/noor-report.pdf",
      export_report: () => ({ pages: 3, bytes: 52000, missing_note: missing }),
    });
    render(ClientOverview, { id: 2, now: new Date(2026, 10, 22, 12) });
    await userEvent.click(await screen.findByRole("button", { name: "Report as PDF…" }));
    await screen.findByText(wholeText("Wrote Noor Haddad's report (3 pages) to /home/kim/noor-report.pdf."));
    // A notice read out politely beside the report's sentence, not an alert that interrupts.
    const notices = screen.getAllByRole("status").filter((s) => s.textContent?.includes("U+10FFFD"));
    expect(notices.map((s) => s.textContent)).toEqual([note]);
    expect(screen.queryByRole("alert")).toBeNull();

    missing = null;
    await userEvent.click(screen.getByRole("button", { name: "Report as PDF…" }));
    await screen.findByText(wholeText("Wrote Noor Haddad's report (3 pages) to /home/kim/noor-report.pdf."));
    expect(screen.queryByText(/could not be drawn/)).toBeNull();
  });

  it("erases a client only once their name is typed, after saying what goes", async () => {
    const calls = fakeRust({
      ...common,
      get_client_overview: () => overview(),
      erase_preview: () => ({ name: "Noor Haddad", sessions: 1, assessments: 2, habits: 1, check_ins: 30, exercise_runs: 0, journal_entries: 4, consents: 1, observer_forms: 3, observer_answers: 2 }),
      erase_person: () => null,
    });
    render(ClientOverview, { id: 2 });
    await userEvent.click(await screen.findByRole("button", { name: "Erase Noor Haddad…" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/2 assessments and their answers/)).toBeTruthy();
    expect(within(dialog).getByText(/1 habit with 30 check-ins/)).toBeTruthy();
    expect(within(dialog).getByText("3 observer forms, 2 observers' answers")).toBeTruthy();
    expect(dialog.textContent).not.toContain("sync group");
    const erase = within(dialog).getByRole("button", { name: "Erase Noor Haddad" }) as HTMLButtonElement;
    await userEvent.type(within(dialog).getByLabelText(/to confirm/), "Noor");
    expect(erase.disabled).toBe(true);
    await userEvent.type(within(dialog).getByLabelText(/to confirm/), " Haddad");
    await userEvent.click(erase);
    expect(calls).toContainEqual(["erase_person", { personId: 2, confirmName: "Noor Haddad" }]);
    expect(nav.route).toEqual({ name: "clients" });
  });

  it("says before erasing that the computers in its sync group erase the client too", async () => {
    const inGroup = { in_group: true, folder: "/sync", devices: [], unsent: 0, synced_at: null };
    fakeRust({
      ...common,
      get_client_overview: () => overview(),
      erase_preview: () => ({ name: "Noor Haddad", sessions: 1, assessments: 2, habits: 1, check_ins: 30, exercise_runs: 0, journal_entries: 4, consents: 1, observer_forms: 3, observer_answers: 2 }),
      sync_status: () => ({ status: inGroup, problems: [], tried_at: null }),
    });
    render(ClientOverview, { id: 2 });
    await userEvent.click(await screen.findByRole("button", { name: "Erase Noor Haddad…" }));
    const dialog = await screen.findByRole("alertdialog");
    await vi.waitFor(() =>
      expect(dialog.textContent).toContain("Your other computers in the sync group erase them too"),
    );
  });
});
