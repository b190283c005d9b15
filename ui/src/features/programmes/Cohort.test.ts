import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { rowTexts } from "../assessment/fixtures";
import { fakeRust } from "../exercises/fixtures";
import Cohort from "./Cohort.svelte";
import { retreat, summary } from "./fixtures";
import type { CohortSummary } from "../../api/programmes";

vi.mock("../../app/chart/chartjs", () => ({
  loadChart: () =>
    Promise.resolve(
      class FakeChart {
        static defaults: { font: { family: string } } = { font: { family: "" } };
        ctx = {};
        destroy() {}
      },
    ),
}));

const names = { exercises: new Map([["walk-at-the-back", "The walk at the back"]]), habits: new Map<string, string>() };

function open(cohort: CohortSummary) {
  fakeRust({ get_cohort_summary: () => cohort });
  render(Cohort, { programmes: [retreat], names, onback: () => {} });
}

describe("the cohort view", () => {
  it("says withheld score ranges in words, never “hidden”", async () => {
    open(summary);
    const table = await screen.findByRole("table", { name: /How scores are spread/ });
    expect(rowTexts(table).slice(1, 4)).toEqual([
      "0–20 Fewer than 3 — not shown — —",
      "20–40 Fewer than 3 — not shown — —",
      "40–60 fewer than 3 → 3 — —",
    ]);
    expect(document.body.textContent).not.toMatch(/hidden ->|hidden →|→ hidden/);
  });

  it("draws no completion chart when no one has completed an exercise, and says so", async () => {
    open({ ...summary, exercises: summary.exercises.map((e) => ({ ...e, count: 0, share: 0 })) });
    const caption = await screen.findByText("Exercises completed, as a share of participants");
    const figure = caption.closest("figure") as HTMLElement;
    expect(within(figure).queryByRole("img")).toBeNull();
    expect(within(figure).getByText(/no participant has completed any of the programme's exercises/)).toBeTruthy();
  });

  it("says when the group is too small to show completion", async () => {
    open({ ...summary, exercises: summary.exercises.map((e) => ({ ...e, count: null, share: null })) });
    const caption = await screen.findByText("Exercises completed, as a share of participants");
    const figure = caption.closest("figure") as HTMLElement;
    expect(within(figure).queryByRole("img")).toBeNull();
    expect(within(figure).getByText(/too few to show who did what/)).toBeTruthy();
  });
});
