import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { explain } from "../api/errors";
import { fakeRust } from "../features/assessment/fixtures";
import Recovery from "./Recovery.svelte";

const damaged = explain({ code: "damaged_database", message: "/d/leadback.sqlite3 is damaged (malformed)." });
const backup = {
  path: "/d/backups/leadback-20261121T070000Z-daily.sqlite3",
  taken_at: "2026-11-21T07:00:00Z",
  reason: "daily",
  bytes: 40960,
};

describe("recovering from a damaged database", () => {
  it("offers the newest good backup and opens the app once it is in place", async () => {
    const calls = fakeRust({
      get_recovery: () => ({ problem: damaged, backup, data_folder: "/d" }),
      recover_from_backup: () => backup,
    });
    const onrecovered = vi.fn();
    render(Recovery, { error: damaged, onrecovered });
    expect(screen.getByRole("alert").textContent).toContain("damaged");
    const button = await screen.findByRole("button", { name: "Restore that copy" });
    expect(document.body.textContent).toContain("moved aside beside it, not deleted");
    await userEvent.click(button);
    expect(calls).toContainEqual(["recover_from_backup", {}]);
    await vi.waitFor(() => expect(onrecovered).toHaveBeenCalled());
  });

  it("offers nothing to restore when there is no good backup", async () => {
    fakeRust({ get_recovery: () => ({ problem: damaged, backup: null, data_folder: "/d" }) });
    render(Recovery, { error: damaged, onrecovered: () => {} });
    expect(await screen.findByText("Your data folder: /d")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    expect(document.body.textContent).toContain("Nothing has been changed or deleted");
  });

  it("asks for a newer Leadback instead of replacing a newer file", async () => {
    const newer = explain({ code: "newer_database", message: "schema 9" });
    fakeRust({ get_recovery: () => ({ problem: newer, backup: null, data_folder: "/d" }) });
    render(Recovery, { error: newer, onrecovered: () => {} });
    expect(await screen.findByText(/Install the newest version/)).toBeTruthy();
  });
});
