import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { fakeRust, rowTexts } from "../assessment/fixtures";
import Consistency from "./Consistency.svelte";

const row = (stance: string, alpha: number | null, assessments: number) => ({ stance, items: 10, assessments, alpha });

describe("internal consistency", () => {
  it("waits for ten complete assessments and says how many there are", async () => {
    fakeRust({ get_consistency: () => [row("front", null, 9), row("behind", null, 9), row("servant", null, 8)] });
    render(Consistency);
    expect(await screen.findByText(/at least 10 complete assessments; there are 9 so far/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Internal consistency (in this database)" })).toBeTruthy();
  });

  it("shows alpha per stance with what it was computed from", async () => {
    fakeRust({ get_consistency: () => [row("front", 0.8312, 24), row("behind", 0.7, 25), row("servant", null, 25)] });
    render(Consistency);
    const table = await screen.findByRole("table");
    expect(rowTexts(table).slice(1)).toEqual(["Front 0.83 10 24", "Behind 0.70 10 25", "Servant — 10 25"]);
    expect(within(table).getAllByRole("row")).toHaveLength(4);
  });
});
