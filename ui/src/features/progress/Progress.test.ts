import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { paletteFrom } from "../../app/chart/palette";
import { nav } from "../../app/nav.svelte";
import { entry, fakeRust, rowTexts } from "../assessment/fixtures";
import { formatLongDay } from "../habits/days";
import { energyConfig, practiceConfig } from "./charts";
import { practiceRows, practisedStances } from "./data";
import Progress from "./Progress.svelte";

vi.mock("../../app/chart/chartjs", () => ({
  loadChart: () => Promise.reject(new Error("no canvas here")),
}));

const rollups = [
  { stance: "behind" as const, points: [{ date: "2026-11-09", strength: 0.1, habits: 1 }, { date: "2026-11-16", strength: 0.2, habits: 2 }] },
  { stance: "rest" as const, points: [{ date: "2026-11-16", strength: 0.05, habits: 1 }] },
  { stance: "front" as const, points: [] },
];

describe("the practice roll-up", () => {
  it("lays Rust's weekly means out week by week, newest first", () => {
    expect(practisedStances(rollups)).toEqual(["behind", "rest"]);
    expect(practiceRows(rollups)).toEqual([
      { date: "2026-11-16", strength: { behind: 0.2, rest: 0.05 } },
      { date: "2026-11-09", strength: { behind: 0.1 } },
    ]);
  });

  it("puts practice and assessment scores on one time axis, in percent", () => {
    const palette = paletteFrom(() => "#123456");
    const history = [entry(1, "2026-11-12T10:00:00Z", 70, "x")];
    const config = practiceConfig(rollups, history, palette);
    const labels = config.data.datasets.map((d) => d.label);
    expect(labels).toEqual(["Practice: Behind", "Practice: Rest", "Assessment: Front", "Assessment: Behind", "Assessment: Servant"]);
    expect(config.data.datasets[0]?.data).toEqual([
      { x: Date.UTC(2026, 10, 9), y: 10 },
      { x: Date.UTC(2026, 10, 16), y: 20 },
    ]);
    expect(config.data.datasets[2]?.data).toEqual([{ x: Date.parse("2026-11-12T10:00:00Z"), y: 70 }]);
    const energy = energyConfig([{ day: "2026-11-15", level: 4, note: null }], rollups, palette);
    expect(energy.data.datasets[0]).toMatchObject({ label: "Energy (1–5)", yAxisID: "energy", data: [{ x: Date.UTC(2026, 10, 15), y: 4 }] });
  });
});

describe("the progress screen", () => {
  it("invites practice when there is nothing to draw", async () => {
    fakeRust({ get_stance_rollup: () => [], get_assessment_history: () => [], get_energy: () => [] });
    render(Progress);
    await userEvent.click(await screen.findByRole("button", { name: "Choose habits" }));
    expect(nav.route).toEqual({ name: "add-habit" });
    expect(screen.getByText(/No energy check-ins yet. Tap how you feel/)).toBeTruthy();
  });

  it("gives every chart's numbers as tables", async () => {
    fakeRust({
      get_stance_rollup: () => rollups,
      get_assessment_history: () => [entry(1, "2026-11-12T10:00:00Z", 70, "x")],
      get_energy: () => [{ day: "2026-11-15", level: 4, note: "Good sleep" }],
    });
    render(Progress);
    const tables = await screen.findByRole("region", { name: "The numbers" });
    const [practice, scores, energy] = within(tables).getAllByRole("table");
    expect(rowTexts(practice as HTMLElement)).toEqual([
      "Week of Behind Rest",
      `${formatLongDay("2026-11-16")} 20% 5%`,
      `${formatLongDay("2026-11-09")} 10% —`,
    ]);
    expect(rowTexts(scores as HTMLElement)[1]).toMatch(/70.0 40.0 55.0$/);
    expect(rowTexts(energy as HTMLElement)[1]).toBe(`${formatLongDay("2026-11-15")} 4 · Good Good sleep`);
    // The note is the person's own words, in whatever direction they run.
    expect(within(energy as HTMLElement).getByText("Good sleep").getAttribute("dir")).toBe("auto");
  });
});
