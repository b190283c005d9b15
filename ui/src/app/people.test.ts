import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PersonSummary } from "../api/people";
import type { Person } from "../bindings/Person";
import { fakeRust } from "../features/assessment/fixtures";
import ClientOverview from "../features/clients/ClientOverview.svelte";
import Clients from "../features/clients/Clients.svelte";
import { common, overview, person, summary } from "../features/clients/fixtures";
import Header from "./Header.svelte";
import { nav } from "./nav.svelte";
import { people } from "./people.svelte";

const kim = person(1, "Coach Kim", "me");

/** A fake Rust holding the people list and whom the app acts for, as the screens change them. */
function world(start: { list: PersonSummary[]; acting: Person }) {
  let list = start.list;
  let acting = start.acting;
  const calls = fakeRust({
    ...common,
    list_people: () => list,
    get_acting_person: () => acting,
    switch_person: ({ personId }) => (acting = list.find((p) => p.person.id === personId)?.person ?? acting),
    add_client: ({ client }) => {
      const added = summary(2, (client as { name: string }).name);
      list = [...list, added];
      return added;
    },
    get_client_overview: ({ personId }) => {
      const found = list.find((p) => p.person.id === personId);
      if (!found) throw { code: "not_found", message: `No person ${String(personId)}.` };
      return overview({ summary: found });
    },
    update_client: ({ personId, client }) => {
      const name = (client as { name: string }).name;
      list = list.map((p) => (p.person.id === personId ? { ...p, person: { ...p.person, name } } : p));
      if (acting.id === personId) acting = { ...acting, name };
      return list.find((p) => p.person.id === personId);
    },
    erase_preview: () => ({ name: "Noor Haddad", sessions: 0, assessments: 0, habits: 0, check_ins: 0, exercise_runs: 0, journal_entries: 0, consents: 1, observer_forms: 0, observer_answers: 0 }),
    erase_person: ({ personId }) => {
      list = list.filter((p) => p.person.id !== personId);
      if (acting.id === personId) acting = kim;
      return null;
    },
  });
  return calls;
}

const switcher = () => screen.queryByRole("combobox", { name: "Current person" }) as HTMLSelectElement | null;
const options = () => Array.from(switcher()?.options ?? []).map((o) => o.textContent);
const banner = () => screen.queryByText(/^Working with/)?.closest("[role=status]") ?? null;
const main = () => screen.getByRole("navigation", { name: "Main" });

beforeEach(() => {
  people.reset();
  nav.go({ name: "clients" });
});

describe("one list of people for the whole app", () => {
  it("puts a client just added in the header's switcher at once", async () => {
    world({ list: [summary(1, "Coach Kim", "me")], acting: kim });
    render(Header, { me: kim });
    render(Clients, { today: new Date(2026, 10, 22) });
    expect(await screen.findByText(/No clients yet/)).toBeTruthy();
    expect(switcher()).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Add a client" }));
    await userEvent.type(screen.getByLabelText("Name"), "Noor Haddad");
    await userEvent.type(screen.getByLabelText("What was agreed"), "Notes kept on this laptop.");
    await userEvent.click(screen.getByLabelText("The client gave this consent"));
    await userEvent.click(screen.getByRole("button", { name: "Add the client" }));
    await vi.waitFor(() => expect(options()).toEqual(["Coach Kim (me)", "Noor Haddad"]));
    expect(nav.route).toEqual({ name: "client", id: 2 });
  });

  it("renames the client in the banner and the switcher when their details are corrected", async () => {
    const noor = summary(2, "Noor Hadad");
    world({ list: [summary(1, "Coach Kim", "me"), noor], acting: noor.person });
    render(Header, { me: kim });
    render(ClientOverview, { id: 2 });
    await vi.waitFor(() => expect(banner()?.textContent).toMatch(/Working with Noor Hadad \(client\)/));

    await userEvent.click(await screen.findByRole("button", { name: "Edit details" }));
    const name = screen.getByLabelText("Name");
    await userEvent.clear(name);
    await userEvent.type(name, "Noor Haddad");
    await userEvent.click(screen.getByRole("button", { name: "Save the details" }));
    await vi.waitFor(() => expect(banner()?.textContent).toMatch(/Working with Noor Haddad \(client\)/));
    expect(options()).toEqual(["Coach Kim (me)", "Noor Haddad"]);
    expect(switcher()?.selectedOptions[0]?.textContent).toBe("Noor Haddad");
  });

  it("isolates a right-to-left name in the banner and lets the switcher's names run their own way", async () => {
    const noor = summary(2, "نور حداد");
    world({ list: [summary(1, "Coach Kim", "me"), noor], acting: noor.person });
    render(Header, { me: kim });
    await vi.waitFor(() => expect(banner()?.textContent).toMatch(/Working with نور حداد \(client\)/));
    const name = within(banner() as HTMLElement).getByText("نور حداد");
    expect(name.getAttribute("dir")).toBe("auto");
    await vi.waitFor(() => expect(options()).toEqual(["Coach Kim (me)", "نور حداد"]));
    expect([...(switcher()?.options ?? [])].map((o) => o.getAttribute("dir"))).toEqual(["auto", "auto"]);
  });

  it("after erasing the client acted for, works for the coach again, with the coach's History", async () => {
    const noor = summary(2, "Noor Haddad");
    world({ list: [summary(1, "Coach Kim", "me", { completed_assessments: 3 }), noor], acting: noor.person });
    render(Header, { me: kim });
    render(ClientOverview, { id: 2 });
    await vi.waitFor(() => expect(banner()).toBeTruthy());
    // Noor's home said she has no results yet.
    nav.hasResults = false;
    expect(within(main()).queryByRole("button", { name: "History" })).toBeNull();

    await userEvent.click(await screen.findByRole("button", { name: "Erase Noor Haddad…" }));
    await userEvent.type(await screen.findByLabelText(/to confirm/), "Noor Haddad");
    await userEvent.click(screen.getByRole("button", { name: "Erase Noor Haddad" }));
    await vi.waitFor(() => expect(within(main()).getByRole("button", { name: "History" })).toBeTruthy());
    expect(banner()).toBeNull();
    expect(switcher()).toBeNull();
    expect(screen.getByLabelText("Current person").textContent).toBe("Coach Kim");
    expect(people.acting).toBeNull();
  });

  it("shows History for whoever the app works for after switching", async () => {
    const noor = summary(2, "Noor Haddad", "client", { completed_assessments: 1 });
    world({ list: [summary(1, "Coach Kim", "me"), noor], acting: kim });
    render(Header, { me: kim });
    await vi.waitFor(() => expect(switcher()).toBeTruthy());
    expect(within(main()).queryByRole("button", { name: "History" })).toBeNull();
    const select = switcher();
    if (!select) throw new Error("no switcher");
    await userEvent.selectOptions(select, "2");
    await vi.waitFor(() => expect(within(main()).getByRole("button", { name: "History" })).toBeTruthy());
    expect(banner()?.textContent).toMatch(/Working with Noor Haddad/);
  });
});
