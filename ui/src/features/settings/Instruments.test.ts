import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { InstrumentConsistency, InstrumentSummary } from "../../api/instruments";
import { fakeRust, rowTexts } from "../assessment/fixtures";
import Instruments from "./Instruments.svelte";
import { alphaLine } from "./instruments";

const builtin: InstrumentSummary = {
  id: "leadback-core",
  version: 1,
  title: "Front, behind, servant: how I lead",
  items: 30,
  scenarios: 8,
  builtin: true,
  imported_at: null,
  current: true,
};
const pulse: InstrumentSummary = {
  id: "team-pulse",
  version: 1,
  title: "Team pulse",
  items: 9,
  scenarios: 1,
  builtin: false,
  imported_at: "2026-11-20T09:30:00Z",
  current: false,
};

function alpha(id: string, n: number, value: number | null): InstrumentConsistency {
  return {
    instrument_id: id,
    instrument_version: 1,
    title: id,
    min_assessments: 10,
    finished: n,
    stances: (["front", "behind", "servant"] as const).map((stance) => ({ stance, items: 3, assessments: n, alpha: value })),
  };
}

describe("instruments", () => {
  it("lists the instruments, marks the one in use, and says how many more assessments alpha needs", async () => {
    fakeRust({
      list_instruments: () => [builtin, pulse],
      get_instrument_consistency: () => alpha("leadback-core", 4, null),
    });
    render(Instruments);
    const table = await screen.findByRole("table");
    const rows = rowTexts(table).slice(1);
    expect(rows[0]).toContain("Comes with Leadback In use");
    expect(rows[1]).toMatch(/^Team pulse 1 9 Imported .* Use$/);
    expect(await screen.findAllByText(/needs at least 10 complete assessments \(4 so far\)/)).toHaveLength(3);
    expect(screen.getByRole("heading", { name: "Internal consistency (in this database)" })).toBeTruthy();
    expect(screen.getByText(/Cronbach's alpha says how closely/)).toBeTruthy();
  });

  it("previews a file before importing it, and imports only when asked", async () => {
    let list = [builtin];
    const calls = fakeRust({
      list_instruments: () => list,
      get_instrument_consistency: () => alpha("leadback-core", 0, null),
      "plugin:dialog|open": () => "/home/kim/team-pulse.toml",
      preview_instrument: () => ({ instrument: pulse, already_imported: false }),
      import_instrument: () => {
        list = [builtin, pulse];
        return pulse;
      },
    });
    render(Instruments);
    await userEvent.click(await screen.findByRole("button", { name: "Import an instrument file…" }));
    const group = await screen.findByRole("group", { name: "Team pulse" });
    expect(group.textContent).toContain("team-pulse, version 1: 9 questions on the three stances and 1 situation");
    expect(calls).toContainEqual(["preview_instrument", { path: "/home/kim/team-pulse.toml" }]);
    expect(calls.some(([cmd]) => cmd === "import_instrument")).toBe(false);

    await userEvent.click(within(group).getByRole("button", { name: "Import it" }));
    expect(calls).toContainEqual(["import_instrument", { path: "/home/kim/team-pulse.toml" }]);
    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toContain("Imported “Team pulse” (version 1)"));
    expect(rowTexts(screen.getByRole("table")).slice(1)).toHaveLength(2);
  });

  it("shows the file's problems precisely and imports nothing", async () => {
    const message = "broken.toml: 2 problems:\n  - item \"tp-front-2\": the stance is \"frnt\"\n  - the behind feedback: scores from 40 to 50 fall in no band";
    const calls = fakeRust({
      list_instruments: () => [builtin],
      get_instrument_consistency: () => alpha("leadback-core", 0, null),
      "plugin:dialog|open": () => "/home/kim/broken.toml",
      preview_instrument: () => {
        throw { code: "invalid_input", message };
      },
    });
    render(Instruments);
    await userEvent.click(await screen.findByRole("button", { name: "Import an instrument file…" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("item \"tp-front-2\": the stance is \"frnt\"");
    expect(alert.textContent).toContain("fall in no band");
    expect(screen.queryByRole("group")).toBeNull();
    expect(calls.some(([cmd]) => cmd === "import_instrument")).toBe(false);
  });

  it("chooses the instrument new assessments use", async () => {
    const calls = fakeRust({
      list_instruments: () => [builtin, pulse],
      get_instrument_consistency: ({ instrumentId }) => alpha(String(instrumentId), 12, 0.8123),
      choose_instrument: () => [{ ...builtin, current: false }, { ...pulse, current: true }],
    });
    render(Instruments);
    await userEvent.click(await screen.findByRole("button", { name: "Use “Team pulse” version 1 for new assessments" }));
    expect(calls).toContainEqual(["choose_instrument", { instrumentId: "team-pulse", version: 1 }]);
    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toContain("New assessments now use “Team pulse”"));
    expect(rowTexts(screen.getByRole("table"))[2]).toContain("In use");

    await userEvent.selectOptions(screen.getByLabelText("Instrument"), "team-pulse@1");
    expect(calls).toContainEqual(["get_instrument_consistency", { instrumentId: "team-pulse", version: 1 }]);
    expect((await screen.findAllByText(/alpha 0.81 over 12 complete assessments/)).length).toBe(3);
  });
});

describe("alpha in words", () => {
  const stance = (assessments: number, a: number | null) => ({ stance: "front" as const, items: 3, assessments, alpha: a });
  it("gives alpha with its count, how many are still needed, or that the answers do not vary", () => {
    expect(alphaLine(stance(24, 0.8312), 10)).toBe("alpha 0.83 over 24 complete assessments");
    expect(alphaLine(stance(1, null), 10)).toBe("needs at least 10 complete assessments (1 so far)");
    expect(alphaLine(stance(12, null), 10)).toBe("no alpha: the answers do not vary (12 complete assessments)");
  });
});
