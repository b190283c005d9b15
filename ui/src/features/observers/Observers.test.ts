import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nav } from "../../app/nav.svelte";
import { wholeText } from "../../app/wholeText";
import { fakeRust, rowTexts } from "../assessment/fixtures";
import HandOver from "./HandOver.svelte";
import Observers from "./Observers.svelte";

vi.mock("../../app/chart/chartjs", () => ({
  loadChart: () => Promise.reject(new Error("no canvas here")),
}));

const stamp = "2026-12-04T09:00:00Z";
const request = (id: number, observer: string, answered: "here" | "file" | null = null) => ({
  id,
  person_id: 2,
  observer,
  token: `${id}`.repeat(32).slice(0, 32),
  instrument_id: "leadback-core",
  instrument_version: 1,
  created_at: stamp,
  answered_at: answered ? stamp : null,
  answered_via: answered,
});
const withheld = (answered: number) => ({ kind: "withheld", answered, needed: 3 });
const view = (requests: unknown[], stances: Record<string, unknown>, observers: number) => ({
  requests,
  instrument_id: "leadback-core",
  instrument_version: 1,
  forms_possible: true,
  own: { front: 40, behind: 70, servant: 55 },
  summary: { observers, stances },
});

beforeEach(() => {
  nav.clientMode = null;
});

describe("the observers card", () => {
  it("asks an observer by name or role", async () => {
    const calls = fakeRust({
      get_observer_view: () => view([], { front: withheld(0), behind: withheld(0), servant: withheld(0) }, 0),
      add_observer_request: () => request(1, "Her manager"),
    });
    render(Observers, { personId: 2, name: "Noor Haddad" });
    expect(await screen.findByText("Nobody asked yet.")).toBeTruthy();
    const ask = screen.getByRole("button", { name: "Ask them" }) as HTMLButtonElement;
    expect(ask.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText("Observer's name or role"), "Her manager");
    await userEvent.click(ask);
    expect(calls).toContainEqual(["add_observer_request", { personId: 2, observer: "Her manager" }]);
    expect(await screen.findByText(wholeText(/Asked Her manager/))).toBeTruthy();
  });

  it("isolates an observer's name written right to left, wherever it shows", async () => {
    fakeRust({
      get_observer_view: () => view([request(1, "مديرتها")], { front: withheld(0), behind: withheld(0), servant: withheld(0) }, 0),
      withdraw_observer_request: () => null,
    });
    render(Observers, { personId: 2, name: "نور حداد" });
    expect((await screen.findByText("مديرتها")).getAttribute("dir")).toBe("auto");
    expect(screen.getByText(/People who work with/).querySelector("bdi")?.textContent).toBe("نور حداد");
    expect(screen.getByLabelText("Observer's name or role").getAttribute("dir")).toBe("auto");
    await userEvent.click(screen.getByRole("button", { name: "Withdraw the request to مديرتها" }));
    const status = await screen.findByText(wholeText("Withdrew the request to مديرتها."));
    expect(status.querySelector("bdi")?.textContent).toBe("مديرتها");
  });

  it("withholds every stance while fewer than three observers answered", async () => {
    const requests = [request(1, "Her manager", "here"), request(2, "A peer", "file"), request(3, "Sam")];
    fakeRust({
      get_observer_view: () => view(requests, { front: withheld(2), behind: withheld(2), servant: withheld(2) }, 2),
    });
    render(Observers, { personId: 2, name: "Noor Haddad" });
    const table = await screen.findByRole("table");
    const rows = rowTexts(table).slice(1);
    expect(rows).toEqual([
      "Front 40.0 Withheld: 2 of the 3 observers needed",
      "Behind 70.0 Withheld: 2 of the 3 observers needed",
      "Servant 55.0 Withheld: 2 of the 3 observers needed",
    ]);
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByText("Waiting for answers")).toBeTruthy();
    expect(screen.getByText(/Answered by file/)).toBeTruthy();
    // Only the open request can be answered, exported or withdrawn.
    expect(screen.getAllByRole("button", { name: "Answer here" })).toHaveLength(1);
  });

  it("shows the observers' mean and the gap once three answered", async () => {
    const requests = [request(1, "A", "here"), request(2, "B", "here"), request(3, "C", "file")];
    fakeRust({
      get_observer_view: () =>
        view(
          requests,
          {
            front: { kind: "shown", mean: 61.1, observers: 3, gap: 21.1 },
            behind: { kind: "shown", mean: 58.3, observers: 3, gap: -11.7 },
            servant: withheld(2),
          },
          3,
        ),
    });
    render(Observers, { personId: 2, name: "Noor Haddad" });
    const table = await screen.findByRole("table");
    expect(rowTexts(table).slice(1)).toEqual([
      "Front 40.0 61.1 (3 observers) +21.1",
      "Behind 70.0 58.3 (3 observers) −11.7",
      "Servant 55.0 Withheld: 2 of the 3 observers needed",
    ]);
    expect(screen.getByText("Own view and observers' view")).toBeTruthy();
  });

  it("exports a form and imports the answers it saved", async () => {
    const calls = fakeRust({
      get_observer_view: () => view([request(1, "Her manager")], { front: withheld(0), behind: withheld(0), servant: withheld(0) }, 0),
      "plugin:dialog|save": () => "/home/kim/form.html",
      "plugin:dialog|open": () => "/home/kim/Her_manager-answers.leadback-observer.json",
      export_observer_form: () => "Her_manager-answers.leadback-observer.json",
      import_observer_answers: () => request(1, "Her manager", "file"),
    });
    render(Observers, { personId: 2, name: "Noor Haddad" });
    await userEvent.click(await screen.findByRole("button", { name: "Export form…" }));
    expect(await screen.findByText(wholeText(/Wrote \/home\/kim\/form.html/))).toBeTruthy();
    expect(calls).toContainEqual(["export_observer_form", { requestId: 1, path: "/home/kim/form.html" }]);
    await userEvent.click(screen.getByRole("button", { name: "Import answers…" }));
    expect(await screen.findByText(wholeText("Her manager's answers are in."))).toBeTruthy();
    expect(calls).toContainEqual([
      "import_observer_answers",
      { personId: 2, path: "/home/kim/Her_manager-answers.leadback-observer.json" },
    ]);
  });

  it("hands the screen over to answer here", async () => {
    fakeRust({
      get_observer_view: () => view([request(4, "Sam")], { front: withheld(0), behind: withheld(0), servant: withheld(0) }, 0),
      set_client_mode: () => null,
    });
    render(Observers, { personId: 2, name: "Noor Haddad" });
    await userEvent.click(await screen.findByRole("button", { name: "Answer here" }));
    expect(nav.clientMode).toEqual({ name: "Sam", observerRequest: 4 });
  });
});

describe("the hand-over screen", () => {
  const form = {
    request_id: "a".repeat(32),
    subject: "Noor Haddad",
    observer: "Sam",
    instrument_id: "leadback-core",
    instrument_version: 1,
    scale: { min: 1, max: 5, labels: ["Never", "Rarely", "Sometimes", "Often", "Almost always"] },
    items: [
      { id: "front-01", text: "Sets the pace for the people they lead." },
      { id: "behind-01", text: "Lets someone else go first." },
    ],
    created_on: "2026-12-04",
  };

  it("saves the answers given, a statement left out as null, then thanks the observer", async () => {
    const calls = fakeRust({ get_observer_form: () => form, submit_observer_answers: () => request(4, "Sam", "here") });
    render(HandOver, { requestId: 4 });
    expect(await screen.findByRole("heading", { name: "How does Noor Haddad lead?" })).toBeTruthy();
    const save = screen.getByRole("button", { name: "Save my answers" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const second = screen.getByRole("group", { name: /Lets someone else go first/ });
    await userEvent.click(within(second).getByLabelText("Often"));
    expect(screen.getByText("1 of 2 answered")).toBeTruthy();
    await userEvent.click(save);
    expect(calls).toContainEqual(["submit_observer_answers", { requestId: 4, answers: { "front-01": null, "behind-01": 4 } }]);
    expect(await screen.findByRole("heading", { name: "Thank you, Sam" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save my answers" })).toBeNull();
  });

  it("isolates the person's and the observer's names written right to left", async () => {
    const calls = fakeRust({
      get_observer_form: () => ({ ...form, subject: "نور حداد", observer: "سامي" }),
      submit_observer_answers: () => request(4, "سامي", "here"),
    });
    render(HandOver, { requestId: 4 });
    const title = await screen.findByRole("heading", { name: "How does نور حداد lead?" });
    expect(title.querySelector("bdi")?.textContent).toBe("نور حداد");
    const intro = screen.getByText(/asked for your view/);
    expect([...intro.querySelectorAll("bdi")].map((b) => b.textContent)).toEqual(["نور حداد", "سامي"]);
    await userEvent.click(within(screen.getByRole("group", { name: /Lets someone else go first/ })).getByLabelText("Often"));
    await userEvent.click(screen.getByRole("button", { name: "Save my answers" }));
    expect(calls.some(([c]) => c === "submit_observer_answers")).toBe(true);
    const thanks = await screen.findByRole("heading", { name: "Thank you, سامي" });
    expect(thanks.querySelector("bdi")?.textContent).toBe("سامي");
    expect(screen.getByText(/hand the screen back to/).querySelector("bdi")?.textContent).toBe("نور حداد");
  });

  it("says why when the form was already answered", async () => {
    fakeRust({
      get_observer_form: () => {
        throw { code: "invalid_input", message: "Sam's answers are already in: an observer form is answered once." };
      },
    });
    render(HandOver, { requestId: 4 });
    expect(await screen.findByText(/already in/)).toBeTruthy();
  });
});
