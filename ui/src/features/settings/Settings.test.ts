import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust } from "../assessment/fixtures";
import Settings from "./Settings.svelte";

const notSyncing = {
  status: { in_group: false, folder: null, devices: [], unsent: 0, synced_at: null },
  problems: [],
  tried_at: null,
};

describe("settings", () => {
  it("starts at login only when the person turns it on", async () => {
    const calls = fakeRust({
      get_start_at_login: () => false,
      set_start_at_login: (a) => a["enabled"],
      get_backups: () => ({ folder: "/data/backups", backups: [] }),
      get_lock_state: () => ({ encrypted: false, locked: false, idle_minutes: null }),
      list_instruments: () => [],
      sync_status: () => notSyncing,
    });
    render(Settings);
    const box = screen.getByRole("checkbox", { name: "Start Leadback when I log in" }) as HTMLInputElement;
    await vi.waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
    await userEvent.click(box);
    expect(calls).toContainEqual(["set_start_at_login", { enabled: true }]);
    await vi.waitFor(() => expect(box.checked).toBe(true));
  });

  it("shows the setting as it really is when the change fails", async () => {
    fakeRust({
      get_start_at_login: () => false,
      get_backups: () => ({ folder: "/data/backups", backups: [] }),
      get_lock_state: () => ({ encrypted: false, locked: false, idle_minutes: null }),
      list_instruments: () => [],
      sync_status: () => notSyncing,
      set_start_at_login: () => {
        throw { code: "storage", message: "Could not change starting at login: no autostart folder" };
      },
    });
    render(Settings);
    const box = screen.getByRole("checkbox", { name: "Start Leadback when I log in" }) as HTMLInputElement;
    await vi.waitFor(() => expect(box.disabled).toBe(false));
    await userEvent.click(box);
    expect((await screen.findByRole("alert")).textContent).toContain("no autostart folder");
    await vi.waitFor(() => expect(box.checked).toBe(false));
  });
});
