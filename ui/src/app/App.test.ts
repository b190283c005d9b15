import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LockState } from "../api/lock";
import { fakeRust } from "../features/assessment/fixtures";
import App from "./App.svelte";
import { locking } from "./idle.svelte";
import { nav } from "./nav.svelte";

const LOCKED = { code: "locked", message: "Your data is locked. Enter your passphrase to open it." };
const MINUTE = 60_000;

beforeEach(() => locking.apply({ encrypted: false, locked: false, idle_minutes: null }));
afterEach(() => vi.useRealTimers());

describe("the app while the data is locked", () => {
  it("shows only the lock screen, then starts as usual once unlocked", async () => {
    let locked = true;
    const calls = fakeRust({
      get_me: () => {
        if (locked) throw LOCKED;
        return null;
      },
      unlock: () => {
        locked = false;
        return null;
      },
      get_lock_state: () => ({ encrypted: true, locked, idle_minutes: null }),
    });
    render(App);
    expect(await screen.findByRole("heading", { name: "Leadback is locked" })).toBeTruthy();
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.queryByRole("button", { name: "Settings" })).toBeNull();
    expect(screen.getByText("Leadback")).toBeTruthy();

    await userEvent.type(screen.getByLabelText("Passphrase"), "correct horse{Enter}");
    expect(await screen.findByRole("heading", { name: "Welcome to Leadback" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Leadback is locked" })).toBeNull();
    expect(calls.map(([cmd]) => cmd)).toEqual(["get_me", "unlock", "get_me", "get_lock_state"]);
  });
});

describe("unlocking", () => {
  it("returns to the screen the person was on when the app locked", async () => {
    let locked = false;
    fakeRust({
      get_me: () => {
        if (locked) throw LOCKED;
        return { id: 1, kind: "me", name: "Ada", created_at: "2026-11-22T08:00:00Z", updated_at: "2026-11-22T08:00:00Z" };
      },
      get_lock_state: () => ({ encrypted: true, locked, idle_minutes: null }),
      get_exercises: () => [],
      get_open_exercise_run: () => null,
      lock: () => {
        locked = true;
        return null;
      },
      unlock: () => {
        locked = false;
        return null;
      },
    });
    nav.go({ name: "exercises" });
    render(App);
    expect(await screen.findByRole("heading", { name: "Guided exercises" })).toBeTruthy();

    await locking.lockNow();
    await userEvent.type(await screen.findByLabelText("Passphrase"), "correct horse{Enter}");
    expect(await screen.findByRole("heading", { name: "Guided exercises" })).toBeTruthy();
    expect(nav.route).toEqual({ name: "exercises" });
    nav.go({ name: "home" });
  });
});

describe("data closed while the app is open", () => {
  it("shows the recovery screen when a later call finds the data damaged", async () => {
    let damaged = false;
    const DAMAGED = { code: "damaged_database", message: "/d/leadback.sqlite3 is damaged (malformed)." };
    fakeRust({
      get_me: () => {
        if (damaged) throw DAMAGED;
        return { id: 1, kind: "me", name: "Ada", created_at: "2026-11-22T08:00:00Z", updated_at: "2026-11-22T08:00:00Z" };
      },
      get_lock_state: () => ({ encrypted: false, locked: false, idle_minutes: null }),
      get_recovery: () => ({ problem: DAMAGED, backup: null, data_folder: "/d" }),
    });
    render(App);
    await screen.findByRole("banner");
    damaged = true;
    // What any screen's failing call does on its way to its own error notice.
    const { call } = await import("../api/ipc");
    await expect(call("get_me", {})).rejects.toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Leadback can't open your data" })).toBeTruthy();
  });
});

describe("locking when idle", () => {
  // Only timeouts and the clock are faked; Svelte's and the fake IPC's promises run as usual.
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] }));

  function start(state: LockState) {
    const calls = fakeRust({ get_me: () => null, get_lock_state: () => state, lock: () => null });
    render(App);
    return calls;
  }

  it("locks after the chosen minutes without activity, and activity puts it off", async () => {
    const calls = start({ encrypted: true, locked: false, idle_minutes: 5 });
    await vi.waitFor(() => screen.getByRole("heading", { name: "Welcome to Leadback" }));
    await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));

    vi.advanceTimersByTime(4 * MINUTE);
    window.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(4 * MINUTE);
    expect(calls.some(([cmd]) => cmd === "lock")).toBe(false);

    vi.advanceTimersByTime(MINUTE);
    await vi.waitFor(() => screen.getByRole("heading", { name: "Leadback is locked" }));
    expect(calls).toContainEqual(["lock", {}]);
    expect(screen.queryByRole("heading", { name: "Welcome to Leadback" })).toBeNull();
  });

  it("never locks by itself when no idle time is set", async () => {
    const calls = start({ encrypted: true, locked: false, idle_minutes: null });
    await vi.waitFor(() => screen.getByRole("heading", { name: "Welcome to Leadback" }));
    await vi.waitFor(() => expect(calls.map(([cmd]) => cmd)).toContain("get_lock_state"));
    vi.advanceTimersByTime(24 * 60 * MINUTE);
    expect(calls.some(([cmd]) => cmd === "lock")).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never locks by itself without a passphrase", async () => {
    const calls = start({ encrypted: false, locked: false, idle_minutes: 5 });
    await vi.waitFor(() => expect(calls.map(([cmd]) => cmd)).toContain("get_lock_state"));
    vi.advanceTimersByTime(24 * 60 * MINUTE);
    expect(calls.some(([cmd]) => cmd === "lock")).toBe(false);
  });

  it("follows a new idle time chosen in Settings", async () => {
    const calls = start({ encrypted: true, locked: false, idle_minutes: null });
    await vi.waitFor(() => expect(calls.map(([cmd]) => cmd)).toContain("get_lock_state"));
    locking.idleMinutes = 15;
    await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
    vi.advanceTimersByTime(15 * MINUTE);
    await vi.waitFor(() => screen.getByRole("heading", { name: "Leadback is locked" }));
    expect(calls).toContainEqual(["lock", {}]);
  });
});
