import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { fakeRust } from "../features/assessment/fixtures";
import App from "./App.svelte";
import { ARRIVED_EVENT, arrivals, watchArrivals } from "./arrivals.svelte";

const ME = { id: 1, kind: "me", name: "Ada", created_at: "2026-11-22T08:00:00Z", updated_at: "2026-11-22T08:00:00Z" };

describe("changes from another computer", () => {
  it("are counted from Rust's event", async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const before = arrivals.waiting;
    await watchArrivals();
    await emit(ARRIVED_EVENT, 2);
    expect(arrivals.waiting).toBe(before + 2);
    arrivals.show();
  });

  it("are offered, not forced: the open screen loads its data again only when asked", async () => {
    const calls = fakeRust({
      get_me: () => ME,
      get_lock_state: () => ({ encrypted: false, locked: false, idle_minutes: null }),
      get_exercises: () => [],
      get_open_exercise_run: () => null,
      get_journal: () => [],
    });
    const { nav } = await import("./nav.svelte");
    nav.go({ name: "journal" });
    render(App);
    await screen.findByRole("heading", { name: "Journal" });
    const loads = () => calls.filter(([cmd]) => cmd === "get_journal").length;
    const first = loads();
    expect(screen.queryByText("Changes from your other computer have arrived.")).toBeNull();

    arrivals.arrived(1);
    const notice = await screen.findByRole("status");
    expect(notice.textContent).toContain("Changes from your other computer have arrived.");
    expect(loads()).toBe(first);

    await userEvent.click(screen.getByRole("button", { name: "Show them" }));
    expect(screen.queryByText("Changes from your other computer have arrived.")).toBeNull();
    await screen.findByRole("heading", { name: "Journal" });
    expect(loads()).toBe(first + 1);
  });
});
