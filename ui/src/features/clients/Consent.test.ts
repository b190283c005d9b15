import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { ClientOverview as Overview } from "../../api/people";
import { nav } from "../../app/nav.svelte";
import { people } from "../../app/people.svelte";
import { wholeText } from "../../app/wholeText";
import { fakeRust } from "../assessment/fixtures";
import ClientOverview from "./ClientOverview.svelte";
import { common, consent, overview, summary, withdrawn } from "./fixtures";

/** A client's page over a fake Rust whose overview follows what was withdrawn and recorded. */
function rustWithConsent(start = consent) {
  let consents = [start];
  const current = (): Overview =>
    overview({ summary: summary(2, "Noor Haddad", "client", { consent: consents[0] ?? null }), consents });
  const calls = fakeRust({
    ...common,
    get_client_overview: current,
    withdraw_consent: () => {
      const [newest = start, ...older] = consents;
      consents = [{ ...newest, withdrawn_on: "2026-12-01" }, ...older];
      return consents[0];
    },
    record_consent: ({ consent: given }) => {
      const input = given as { agreed_on: string; terms: string };
      consents = [{ id: 2, ...input, withdrawn_on: null, recorded_at: "2026-12-02T10:00:00Z" }, ...consents];
      return consents[0];
    },
    export_person_json: () => ({ rows: 12, bytes: 3000 }),
    "plugin:dialog|save": () => "/home/kim/noor.json",
  });
  return calls;
}

beforeEach(() => {
  people.reset();
  nav.go({ name: "client", id: 2 });
});

describe("withdrawing consent", () => {
  it("asks first, saying what follows; Cancel and Esc leave consent as it was", async () => {
    const calls = rustWithConsent();
    render(ClientOverview, { id: 2 });
    await userEvent.click(await screen.findByRole("button", { name: "Noor Haddad withdrew consent…" }));
    const dialog = screen.getByRole("alertdialog", { name: "Record that Noor Haddad withdrew consent?" });
    expect(dialog.textContent).toMatch(/no new assessments, sessions or homework/);
    expect(dialog.textContent).toMatch(/no new observer forms/);
    expect(dialog.textContent).toMatch(/Their history stays/);

    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Noor Haddad withdrew consent…" }));
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(calls.some(([c]) => c === "withdraw_consent")).toBe(false);
  });

  it("records the withdrawal once confirmed, then stops everything new, with the reason", async () => {
    const calls = rustWithConsent();
    render(ClientOverview, { id: 2 });
    await userEvent.click(await screen.findByRole("button", { name: "Noor Haddad withdrew consent…" }));
    await userEvent.click(screen.getByRole("button", { name: "Record the withdrawal" }));
    expect(calls).toContainEqual(["withdraw_consent", { personId: 2 }]);

    expect(await screen.findByRole("heading", { name: /Noor Haddad withdrew consent on/ })).toBeTruthy();
    const run = screen.getByRole("button", { name: "Run the assessment with Noor Haddad" }) as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    expect(run.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(run.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(
      /withdrew consent on .*until their consent is recorded again/,
    );
    expect((screen.getByRole("button", { name: "New session" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText("Set homework") as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryByLabelText("Observer's name or role")).toBeNull();
    expect(screen.getByText("No new observer form while their consent is withdrawn.")).toBeTruthy();
    // The history of consent stays.
    expect(screen.getByText("Notes kept on this laptop.")).toBeTruthy();
  });
});

describe("after a withdrawal", () => {
  it("offers their data and erasing them", async () => {
    const calls = rustWithConsent(withdrawn);
    render(ClientOverview, { id: 2, now: new Date(2026, 11, 2, 12) });
    const notice = (await screen.findByRole("heading", { name: /withdrew consent on/ })).closest("section") as HTMLElement;
    await userEvent.click(within(notice).getByRole("button", { name: "Export their data (JSON)…" }));
    expect(await within(notice).findByText(wholeText("Wrote 12 records about Noor Haddad to /home/kim/noor.json."))).toBeTruthy();
    expect(calls).toContainEqual(["export_person_json", { personId: 2, path: "/home/kim/noor.json" }]);
    expect(within(notice).getByRole("button", { name: "Results as CSV…" })).toBeTruthy();

    await userEvent.click(within(notice).getByRole("button", { name: "Erase Noor Haddad…" }));
    expect(screen.getByRole("alertdialog", { name: "Erase Noor Haddad and everything about them?" })).toBeTruthy();
  });

  it("records consent again, after which everything new is possible again", async () => {
    const calls = rustWithConsent(withdrawn);
    render(ClientOverview, { id: 2, now: new Date(2026, 11, 2, 12) });
    await userEvent.click(await screen.findByRole("button", { name: "Record consent again" }));
    expect((screen.getByLabelText("Agreed on") as HTMLInputElement).value).toBe("2026-12-02");
    expect((screen.getByLabelText("What was agreed") as HTMLTextAreaElement).value).toBe("Notes kept on this laptop.");
    const save = screen.getByRole("button", { name: "Record consent" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await userEvent.click(screen.getByLabelText("Noor Haddad gave this consent"));
    await userEvent.click(save);
    expect(calls).toContainEqual([
      "record_consent",
      { personId: 2, consent: { agreed_on: "2026-12-02", terms: "Notes kept on this laptop." } },
    ]);
    const run = (await screen.findByRole("button", { name: "Run the assessment with Noor Haddad" })) as HTMLButtonElement;
    await screen.findByRole("button", { name: "Noor Haddad withdrew consent…" });
    expect(run.disabled).toBe(false);
    expect(screen.queryByRole("heading", { name: /withdrew consent on/ })).toBeNull();
    expect(screen.getByText("Earlier consent (1)")).toBeTruthy();
  });

  it("shows Rust's reason when it refuses something new for a client without consent", async () => {
    fakeRust({
      ...common,
      get_client_overview: () => overview(),
      add_session: () => {
        throw {
          code: "consent_withdrawn",
          message: "Noor Haddad withdrew consent on 2026-12-01: record their consent again before starting an assessment, a session, homework or an observer form. Nothing was changed.",
        };
      },
    });
    render(ClientOverview, { id: 2 });
    await userEvent.click(await screen.findByRole("button", { name: "New session" }));
    await userEvent.click(screen.getByRole("button", { name: "Open the session" }));
    const alert = await screen.findByRole("alert");
    expect(alert.getAttribute("data-code")).toBe("consent_withdrawn");
    expect(alert.textContent).toMatch(/This client withdrew consent\..*record their consent again/);
  });
});
