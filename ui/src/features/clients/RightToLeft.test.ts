// A client whose name, details and notes are written right to left (Arabic): each piece they or
// the coach wrote runs its own way (dir="auto"), and a name inside a sentence sits in a <bdi> so
// it does not reorder the words around it.
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { nav } from "../../app/nav.svelte";
import { people } from "../../app/people.svelte";
import { fakeRust } from "../assessment/fixtures";
import ClientOverview from "./ClientOverview.svelte";
import Clients from "./Clients.svelte";
import { common, consent, overview, person, session, summary } from "./fixtures";

const NAME = "نور حداد";
const noor = summary(2, NAME, "client", { contact: "نور@مثال.عرب", tags: ["قائدة فريق", "pilot"] });
const terms = "تُحفظ الملاحظات على هذا الحاسوب.";
const agenda = "من يفتتح الاجتماع؟";
const homework = [
  { id: 3, session_id: 5, kind: "habit" as const, title: "أدع غيري يبدأ", habit_id: 4, exercise_id: null, assigned_on: "2026-11-22", done: 0, strength: null, due_on: null },
];

/** The texts of the <bdi>s inside an element. */
const isolated = (element: Element) => [...element.querySelectorAll("bdi")].map((b) => b.textContent);
const direction = (element: Element) => element.getAttribute("dir");

beforeEach(() => {
  people.reset();
  nav.go({ name: "client", id: 2 });
});

describe("a client written right to left", () => {
  it("shows their page with each name, detail and note isolated", async () => {
    fakeRust({
      ...common,
      get_client_overview: () =>
        overview({ summary: noor, consents: [{ ...consent, terms }], sessions: [{ ...session, agenda }], homework }),
    });
    render(ClientOverview, { id: 2 });
    const title = await screen.findByRole("heading", { level: 1, name: NAME });
    expect(direction(title)).toBe("auto");
    // Contact and each tag in its own isolation; the separators are the app's.
    const details = title.nextElementSibling as HTMLElement;
    expect(isolated(details)).toEqual(["نور@مثال.عرب", "قائدة فريق", "pilot"]);
    expect(details.textContent).toMatch(/^\s*نور@مثال\.عرب · قائدة فريق, pilot/);

    for (const sentence of [`Run the assessment with ${NAME}`, `Work as ${NAME}`, `${NAME} withdrew consent…`, `Erase ${NAME}…`]) {
      expect(isolated(screen.getByRole("button", { name: sentence }))).toEqual([NAME]);
    }
    expect(direction(screen.getByText(terms))).toBe("auto");
    const sessionTitle = screen.getByRole("heading", { level: 3, name: new RegExp(agenda) });
    expect(isolated(sessionTitle)).toEqual([agenda]);
    expect(sessionTitle.textContent?.endsWith(` · ${agenda}`)).toBe(true);
    expect(direction(screen.getByLabelText("Notes (Markdown)"))).toBe("auto");
    expect(isolated(within(screen.getByRole("table", { name: "Homework and progress" })).getByRole("cell", { name: /أدع غيري يبدأ/ }))).toEqual([
      "أدع غيري يبدأ",
    ]);
    expect(isolated(screen.getByText(/People who work with/))).toEqual([NAME]);
    expect(direction(screen.getByLabelText("Observer's name or role"))).toBe("auto");

    await userEvent.click(screen.getByRole("button", { name: `${NAME} withdrew consent…` }));
    expect(isolated(screen.getByRole("alertdialog", { name: `Record that ${NAME} withdrew consent?` }).querySelector("h2") as Element)).toEqual([NAME]);
  });

  it("edits their details, a session's agenda and their consent in fields that follow the text", async () => {
    fakeRust({ ...common, get_client_overview: () => overview({ summary: noor }) });
    render(ClientOverview, { id: 2 });
    await userEvent.click(await screen.findByRole("button", { name: "Edit details" }));
    expect(isolated(screen.getByRole("heading", { level: 2, name: `${NAME}'s details` }))).toEqual([NAME]);
    for (const label of ["Name", "Contact (optional)", /Tags/]) expect(direction(screen.getByLabelText(label))).toBe("auto");
    await userEvent.click(screen.getByRole("button", { name: /^Edit the session of/ }));
    expect(direction(screen.getByLabelText("Agenda"))).toBe("auto");
  });

  it("lists them, and takes a new client's name, details and consent in fields that follow the text", async () => {
    fakeRust({ list_people: () => [summary(1, "Coach Kim", "me"), noor], get_acting_person: () => person(1, "Coach Kim", "me") });
    render(Clients);
    const table = await screen.findByRole("table");
    expect(direction(within(table).getByRole("button", { name: NAME }))).toBe("auto");
    expect(isolated(within(table).getByRole("cell", { name: "قائدة فريق, pilot" }))).toEqual(["قائدة فريق", "pilot"]);
    expect(direction(screen.getByRole("searchbox", { name: "Find a client" }))).toBe("auto");
    await userEvent.click(screen.getByRole("button", { name: "Add a client" }));
    for (const label of ["Name", "Contact (optional)", /Tags/, "What was agreed"]) expect(direction(screen.getByLabelText(label))).toBe("auto");
  });
});
