import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import Header from "./Header.svelte";
import { nav } from "./nav.svelte";

const me = { id: 1, kind: "me" as const, name: "Ada", created_at: "", updated_at: "" };

beforeEach(() => {
  nav.go({ name: "home" });
  nav.hasResults = false;
});

describe("the header", () => {
  it("shows the person and offers History only once there is a result", async () => {
    render(Header, { me });
    expect(screen.getByLabelText("Current person").textContent).toBe("Ada");
    expect(screen.queryByRole("button", { name: "History" })).toBeNull();
    expect(screen.getByRole("button", { name: "Home" }).getAttribute("aria-current")).toBe("page");

    nav.hasResults = true;
    await userEvent.click(await screen.findByRole("button", { name: "History" }));
    expect(nav.route).toEqual({ name: "history" });
    expect(screen.getByRole("button", { name: "History" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("button", { name: "Home" }).getAttribute("aria-current")).toBeNull();
  });

  it("leads to habits, progress and settings, and marks Habits on a habit's own screens", async () => {
    render(Header, { me });
    await userEvent.click(screen.getByRole("button", { name: "Progress" }));
    expect(nav.route).toEqual({ name: "progress" });
    await userEvent.click(screen.getByRole("button", { name: "Settings" }));
    expect(nav.route).toEqual({ name: "settings" });
    expect(screen.getByRole("button", { name: "Settings" }).getAttribute("aria-current")).toBe("page");
    nav.go({ name: "habit", id: 3 });
    await vi.waitFor(() => expect(screen.getByRole("button", { name: "Habits" }).getAttribute("aria-current")).toBe("page"));
  });

  it("shows no navigation before onboarding", () => {
    render(Header, { me: null });
    expect(screen.queryByRole("navigation")).toBeNull();
  });
});
