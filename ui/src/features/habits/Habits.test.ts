import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { HabitOverview } from "../../api";
import { fakeRust } from "../assessment/fixtures";
import { overview } from "./fixtures";
import Habits from "./Habits.svelte";

function list(): HabitOverview[] {
  return [
    overview({}, { id: 1, name: "Listen first" }),
    overview({}, { id: 2, name: "Praise a contribution" }),
    overview({}, { id: 3, name: "Old habit", archived_at: "2026-10-01T00:00:00Z" }),
  ];
}

describe("my habits", () => {
  it("moves a habit with the keyboard and keeps focus on it", async () => {
    let habits = list();
    const calls = fakeRust({
      get_habits: () => habits,
      reorder_habits: (a) => {
        const ids = a["habitIds"] as number[];
        habits = ids.map((id) => habits.find((o) => o.habit.id === id) as HabitOverview);
        return null;
      },
    });
    render(Habits);
    const down = await screen.findByRole("button", { name: /^Move down\s*: Listen first$/ });
    down.focus();
    await userEvent.keyboard("{Enter}");
    // Archived habits keep their place after the active ones.
    expect(calls).toContainEqual(["reorder_habits", { habitIds: [2, 1, 3] }]);
    const order = screen.getByRole("list", { name: "Your habits, in order" });
    await expect.poll(() => within(order).getAllByRole("listitem")[0]?.textContent).toContain("Praise a contribution");
    // Now last, "Listen first" cannot go down: the keyboard lands on its "Move up".
    await expect.poll(() => document.activeElement?.textContent?.replace(/\s+/g, " ").trim()).toMatch(/^Move up\s*: Listen first$/);
  });

  it("archives with an undo, and shows archived habits on request", async () => {
    let archived = new Set([3]);
    const calls = fakeRust({
      get_habits: () => list().map((o) => ({ ...o, habit: { ...o.habit, archived_at: archived.has(o.habit.id) ? "x" : null } })),
      archive_habit: (a) => {
        const id = a["habitId"] as number;
        archived = a["archived"] ? new Set([...archived, id]) : new Set([...archived].filter((x) => x !== id));
        return { ...list()[id - 1]?.habit, archived_at: a["archived"] ? "x" : null };
      },
    });
    render(Habits);
    await userEvent.click(await screen.findByRole("button", { name: /^Archive\s*: Listen first$/ }));
    expect(calls).toContainEqual(["archive_habit", { habitId: 1, archived: true }]);
    const toast = screen.getByRole("status");
    await expect.poll(() => toast.textContent).toContain("“Listen first” is archived. Its history is kept.");
    expect(toast.querySelector("bdi")?.textContent).toBe("Listen first");
    await userEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    expect(calls).toContainEqual(["archive_habit", { habitId: 1, archived: false }]);
    await expect.poll(() => toast.textContent?.trim()).toBe("");

    await userEvent.click(screen.getByRole("checkbox", { name: "Show archived habits (1)" }));
    const resting = screen.getByRole("list", { name: "Archived habits" });
    expect(within(resting).getByText("Old habit")).toBeTruthy();
  });
});
