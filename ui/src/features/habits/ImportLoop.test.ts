import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust } from "../assessment/fixtures";
import ImportLoop from "./ImportLoop.svelte";

describe("importing from Loop Habit Tracker", () => {
  it("imports the picked file, measurable habits included, and sums up what came in", async () => {
    const onimported = vi.fn();
    const calls = fakeRust({
      "plugin:dialog|open": () => "/home/ada/Downloads/Loop Habits Backup.db",
      import_loop: () => ({
        habits_added: 8,
        habits_matched: 0,
        check_ins_added: 412,
        check_ins_unchanged: 3,
        notes_kept: 1,
        refused: [],
      }),
    });
    render(ImportLoop, { onimported });
    await userEvent.click(screen.getByRole("button", { name: "Import from Loop Habit Tracker…" }));
    const summary = await screen.findByRole("region", { name: "Imported Loop Habits Backup.db" });
    expect(calls).toContainEqual(["import_loop", { path: "/home/ada/Downloads/Loop Habits Backup.db" }]);
    const text = summary.textContent?.replace(/\s+/g, " ") ?? "";
    expect(text).toContain("Your Loop history is in Leadback.");
    expect(text).toContain("8 habits added");
    expect(text).toContain("412 check-ins added");
    expect(text).toContain("3 days already recorded, left as they were");
    expect(text).toContain("1 note kept on days without a check-in");
    // Every habit Loop makes comes in, measurable ones too: nothing is listed as left behind.
    expect(text).not.toMatch(/not imported|measurable|dropped/i);
    expect(screen.getByText(/every habit comes over, measurable ones with their amounts/)).toBeTruthy();
    expect(onimported).toHaveBeenCalled();
  });

  it("does nothing when the picker is cancelled, and explains a refused file", async () => {
    let picked: string | null = null;
    const calls = fakeRust({
      "plugin:dialog|open": () => picked,
      import_loop: () => {
        throw { code: "invalid_input", message: "This is not a Loop Habit Tracker backup: it has no Habits table." };
      },
    });
    render(ImportLoop, { onimported: () => {} });
    const button = screen.getByRole("button", { name: "Import from Loop Habit Tracker…" });
    await userEvent.click(button);
    expect(calls.some(([c]) => c === "import_loop")).toBe(false);
    picked = "/tmp/notes.db";
    await userEvent.click(button);
    expect((await screen.findByRole("alert")).textContent).toContain("no Habits table");
    expect(screen.queryByRole("region")).toBeNull();
  });
});
