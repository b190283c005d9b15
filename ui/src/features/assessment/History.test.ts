import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nav } from "../../app/nav.svelte";
import { wholeText } from "../../app/wholeText";
import Compare from "./Compare.svelte";
import { entry, fakeRust, rowTexts, scored } from "./fixtures";
import History from "./History.svelte";

vi.mock("../../app/chart/chartjs", () => ({
  loadChart: () => Promise.reject(new Error("no canvas here")),
}));

beforeEach(() => nav.go({ name: "history" }));

describe("history", () => {
  const entries = [
    entry(1, "2026-09-01T10:00:00Z", 80, "Out in front"),
    entry(2, "2026-10-15T10:00:00Z", null, "Not enough answers yet"),
    entry(3, "2026-11-20T10:00:00Z", 55, "Balanced mover"),
  ];

  it("lists every assessment and compares any two, earlier first", async () => {
    fakeRust({
      get_assessment_history: () => entries,
      get_acting_person: () => ({ id: 1, kind: "me", name: "Ada", created_at: entries[0]?.completed_at, updated_at: entries[0]?.completed_at }),
      get_observer_view: () => ({
        requests: [],
        instrument_id: "leadback-core",
        instrument_version: 1,
        forms_possible: true,
        own: { front: 55, behind: 60, servant: 50 },
        summary: { observers: 0, stances: { front: { kind: "withheld", answered: 0, needed: 3 }, behind: { kind: "withheld", answered: 0, needed: 3 }, servant: { kind: "withheld", answered: 0, needed: 3 } } },
      }),
    });
    render(History);
    // Observers are asked about the person whose history this is.
    expect(await screen.findByRole("heading", { name: "Observers (360)" })).toBeTruthy();
    expect(screen.getByText(wholeText(/People who work with Ada/))).toBeTruthy();
    const table = (await screen.findAllByRole("table"))[0] as HTMLElement;
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain("Not enough answers");

    const compare = screen.getByRole("button", { name: "Compare the two chosen" });
    expect((compare as HTMLButtonElement).disabled).toBe(true);
    const boxes = within(table).getAllByRole("checkbox");
    await userEvent.click(boxes[2] as HTMLElement);
    await userEvent.click(boxes[0] as HTMLElement);
    expect((boxes[1] as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText("2 of 2 chosen.")).toBeTruthy();
    await userEvent.click(compare);
    expect(nav.route).toEqual({ name: "compare", a: 1, b: 3 });
  });

  it("invites a first assessment when there is none", async () => {
    fakeRust({ get_assessment_history: () => [] });
    render(History);
    await userEvent.click(await screen.findByRole("button", { name: "Take the assessment" }));
    expect(nav.route).toEqual({ name: "assessment" });
  });
});

describe("compare", () => {
  it("shows both profiles and the change in every score", async () => {
    const results: Record<number, ReturnType<typeof scored>> = {
      1: scored(1, "2026-09-01T10:00:00Z", {}),
      3: scored(3, "2026-11-20T10:00:00Z", {}),
    };
    const later = results[3];
    if (later) later.result.scores = { ...later.result.scores, stances: { front: 50, behind: 60, servant: 75 }, energy: 70 };
    fakeRust({ get_assessment_result: (a) => results[a["assessmentId"] as number] });
    render(Compare, { a: 1, b: 3 });
    const table = await screen.findByRole("table");
    const rows = rowTexts(table).slice(1);
    expect(rows[0]).toMatch(/^Front 62.5 50.0 −12.5$/);
    expect(rows[1]).toMatch(/^Behind Not enough answers 60.0 —$/);
    expect(rows[2]).toMatch(/^Servant 75.0 75.0 no change$/);
    expect(rows[4]).toMatch(/^Energy and rest Not enough answers 70.0 —$/);
  });
});
