import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { BackupFile } from "../../api/data";
import { fakeRust } from "../assessment/fixtures";
import Backups from "./Backups.svelte";
import { exportFileName, reasonLabel, sizeLabel } from "./backups";

const daily: BackupFile = {
  path: "/data/backups/leadback-20261122T080000Z-daily.sqlite3",
  taken_at: "2026-11-22T08:00:00Z",
  reason: "daily",
  bytes: 48 * 1024,
};
const manual: BackupFile = { ...daily, path: "/data/backups/leadback-20261122T090000Z-manual.sqlite3", taken_at: "2026-11-22T09:00:00Z", reason: "manual" };

describe("backups", () => {
  it("lists the backups newest first with why and how big", async () => {
    fakeRust({ get_backups: () => ({ folder: "/data/backups", backups: [manual, daily] }) });
    render(Backups);
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining("Made by you"),
      expect.stringContaining("Daily"),
    ]);
    expect(rows[0]?.textContent).toContain("48 KB");
    expect(screen.getByText("In /data/backups")).toBeTruthy();
  });

  it("says when there are no backups yet", async () => {
    fakeRust({ get_backups: () => ({ folder: "/data/backups", backups: [] }) });
    render(Backups);
    expect((await screen.findByText(/No backups yet/)).textContent).toContain("Back up now");
  });

  it("says before a restore that the computers in its sync group get it too", async () => {
    const inGroup = { in_group: true, folder: "/sync", devices: [], unsent: 0, synced_at: null };
    fakeRust({
      get_backups: () => ({ folder: "/data/backups", backups: [daily] }),
      sync_status: () => ({ status: inGroup, problems: [], tried_at: null }),
    });
    render(Backups);
    await vi.waitFor(async () => {
      await userEvent.click(await screen.findByRole("button", { name: /Restore the copy from/ }));
      expect(screen.getByRole("alertdialog").textContent).toContain("your other computers get the restored data");
    });
  });

  it("restores only after a confirmation that says what happens", async () => {
    let backups = [daily];
    const calls = fakeRust({
      get_backups: () => ({ folder: "/data/backups", backups }),
      restore_backup: () => {
        const safety: BackupFile = { ...daily, reason: "before-restore", path: "/data/backups/x-before-restore.sqlite3" };
        backups = [safety, daily];
        return safety;
      },
    });
    render(Backups);
    await userEvent.click(await screen.findByRole("button", { name: /Restore the copy from/ }));
    const dialog = screen.getByRole("alertdialog");
    expect(dialog.textContent).toContain("What is there now is backed up first");
    expect(dialog.textContent).not.toContain("sync group");
    expect(calls.some(([cmd]) => cmd === "restore_backup")).toBe(false);

    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(calls.some(([cmd]) => cmd === "restore_backup")).toBe(false);

    await userEvent.click(screen.getByRole("button", { name: /Restore the copy from/ }));
    await userEvent.click(screen.getByRole("button", { name: "Restore this copy" }));
    expect(calls).toContainEqual(["restore_backup", { path: daily.path }]);
    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toContain("Restored the copy"));
    await vi.waitFor(() => expect(screen.getByText("Before a restore")).toBeTruthy());
  });

  it("explains a refused restore and keeps the list", async () => {
    fakeRust({
      get_backups: () => ({ folder: "/data/backups", backups: [daily] }),
      restore_backup: () => {
        throw { code: "invalid_input", message: "it is damaged: page 3 is corrupt. Nothing was changed." };
      },
    });
    render(Backups);
    await userEvent.click(await screen.findByRole("button", { name: /Restore the copy from/ }));
    await userEvent.click(screen.getByRole("button", { name: "Restore this copy" }));
    expect((await screen.findByRole("alert")).textContent).toContain("page 3 is corrupt");
    expect(screen.getByRole("table")).toBeTruthy();
  });

  it("takes a backup now and shows it", async () => {
    let backups: BackupFile[] = [];
    fakeRust({
      get_backups: () => ({ folder: "/data/backups", backups }),
      backup_now: () => {
        backups = [manual];
        return manual;
      },
    });
    render(Backups);
    await userEvent.click(await screen.findByRole("button", { name: "Back up now" }));
    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toContain("Backed up and checked"));
    expect(await screen.findByText("Made by you")).toBeTruthy();
  });
});

describe("backup labels", () => {
  it("names reasons and sizes plainly", () => {
    expect(reasonLabel("before-import")).toBe("Before an import");
    expect(sizeLabel(10)).toBe("1 KB");
    expect(sizeLabel(3 * 1024 * 1024 + 200_000)).toBe("3.2 MB");
    expect(exportFileName(new Date(2026, 0, 5))).toBe("leadback-export-2026-01-05.json");
  });
});
