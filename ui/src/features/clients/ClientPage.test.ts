import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nav } from "../../app/nav.svelte";
import { people } from "../../app/people.svelte";
import { wholeText } from "../../app/wholeText";
import { fakeRust } from "../assessment/fixtures";
import ClientOverview from "./ClientOverview.svelte";
import { common, overview, person } from "./fixtures";

beforeEach(() => {
  people.reset();
  nav.clientMode = null;
  nav.go({ name: "client", id: 2 });
});

describe("a client's unfinished assessment", () => {
  it("is mentioned on their page, which offers to resume it rather than run a new one", async () => {
    const calls = fakeRust({
      ...common,
      get_client_overview: () => overview({ unfinished_since: "2026-11-22T09:40:00Z" }),
      switch_person: () => person(2, "Noor Haddad"),
      list_people: () => [],
      get_acting_person: () => person(2, "Noor Haddad"),
      set_client_mode: () => null,
    });
    render(ClientOverview, { id: 2 });
    const resume = await screen.findByRole("button", { name: "Resume the assessment with Noor Haddad" });
    expect(screen.queryByRole("button", { name: "Run the assessment with Noor Haddad" })).toBeNull();
    expect(screen.getByText(wholeText(/Noor Haddad has an unfinished assessment, started/))).toBeTruthy();
    await userEvent.click(resume);
    expect(calls).toContainEqual(["switch_person", { personId: 2 }]);
    expect(nav.clientMode).toEqual({ name: "Noor Haddad", personId: 2 });
    expect(nav.route).toEqual({ name: "assessment" });
  });

  it("is not mentioned when there is none", async () => {
    fakeRust({ ...common, get_client_overview: () => overview() });
    render(ClientOverview, { id: 2 });
    expect(await screen.findByRole("button", { name: "Run the assessment with Noor Haddad" })).toBeTruthy();
    expect(screen.queryByText(/unfinished assessment/)).toBeNull();
  });
});

describe("the report button", () => {
  it("stays disabled, saying what is happening, while its save dialog is open and the file is written", async () => {
    let choose: (path: string | null) => void = () => undefined;
    let written: () => void = () => undefined;
    const calls = fakeRust({
      ...common,
      get_client_overview: () => overview(),
      "plugin:dialog|save": () => new Promise<string | null>((resolve) => (choose = resolve)),
      export_report: () => new Promise((resolve) => (written = () => resolve({ pages: 2, bytes: 40000 }))),
    });
    render(ClientOverview, { id: 2 });
    const report = (await screen.findByRole("button", { name: "Report as PDF…" })) as HTMLButtonElement;
    await userEvent.click(report);
    expect(report.disabled).toBe(true);
    expect(screen.getByText("Choose where to save the file…")).toBeTruthy();
    await userEvent.click(report);
    expect(calls.filter(([c]) => c === "plugin:dialog|save")).toHaveLength(1);

    choose("/home/kim/noor-report.pdf");
    expect(await screen.findByText("Writing the file…")).toBeTruthy();
    expect(report.disabled).toBe(true);
    written();
    expect(await screen.findByText(wholeText("Wrote Noor Haddad's report (2 pages) to /home/kim/noor-report.pdf."))).toBeTruthy();
    expect(report.disabled).toBe(false);
  });

  it("is active again when the save dialog is cancelled", async () => {
    let choose: (path: string | null) => void = () => undefined;
    fakeRust({
      ...common,
      get_client_overview: () => overview(),
      "plugin:dialog|save": () => new Promise<string | null>((resolve) => (choose = resolve)),
    });
    render(ClientOverview, { id: 2 });
    const report = (await screen.findByRole("button", { name: "Report as PDF…" })) as HTMLButtonElement;
    await userEvent.click(report);
    expect(report.disabled).toBe(true);
    choose(null);
    await vi.waitFor(() => expect(report.disabled).toBe(false));
    expect(screen.queryByText("Choose where to save the file…")).toBeNull();
  });
});
