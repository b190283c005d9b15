import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

describe("the header in a narrow window", () => {
  // jsdom has no layout: each item is 10 px a letter wide, the navigation `room` px, and the
  // observer reports a size as soon as it is asked to watch.
  let room = 0;
  beforeEach(() => {
    vi.stubGlobal(
      "ResizeObserver",
      class {
        constructor(private readonly report: () => void) {}
        observe() {
          queueMicrotask(() => this.report());
        }
        disconnect() {}
      },
    );
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockImplementation(function (this: HTMLElement) {
      return this.tagName === "NAV" ? room : 0;
    });
    vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
      const width = this.closest(".row") ? (this.textContent ?? "").length * 10 : 0;
      return { width, height: 20, x: 0, y: 0, top: 0, left: 0, right: width, bottom: 20, toJSON: () => ({}) };
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("puts what does not fit behind More, and keeps Settings in view", async () => {
    // More (50) + Home (40) + Habits (60) + Exercises (90) = 240 of 250 px.
    room = 250;
    render(Header, { me });
    const more = await screen.findByRole("button", { name: "More" });
    const main = screen.getByRole("navigation", { name: "Main" });
    expect(within(main).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Home", "Habits", "Exercises", "More▾"]);
    expect(more.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("button", { name: "Journal" })).toBeNull();
    expect(screen.getByRole("button", { name: "Settings" })).toBeTruthy();

    await userEvent.click(more);
    expect(more.getAttribute("aria-expanded")).toBe("true");
    const hidden = ["Journal", "Programmes", "Progress", "Clients"];
    expect(hidden.map((name) => screen.getByRole("button", { name }).textContent?.trim())).toEqual(hidden);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Journal" }));
    await userEvent.click(screen.getByRole("button", { name: "Clients" }));
    expect(nav.route).toEqual({ name: "clients" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("button", { name: "Clients" })).toBeNull();
    expect(document.activeElement).toBe(more);
  });

  it("opens More from the keyboard: arrows, Home and End move, Escape closes, Enter goes", async () => {
    room = 250;
    render(Header, { me });
    const more = await screen.findByRole("button", { name: "More" });
    more.focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(more.getAttribute("aria-expanded")).toBe("true");
    const focused = () => document.activeElement?.textContent?.trim();
    expect(focused()).toBe("Journal");
    await userEvent.keyboard("{ArrowDown}");
    expect(focused()).toBe("Programmes");
    await userEvent.keyboard("{End}");
    expect(focused()).toBe("Clients");
    await userEvent.keyboard("{ArrowDown}");
    expect(focused()).toBe("Journal");
    await userEvent.keyboard("{ArrowUp}{Home}");
    expect(focused()).toBe("Journal");
    await userEvent.keyboard("{Escape}");
    expect(more.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(more);

    await userEvent.keyboard("{ArrowUp}");
    expect(focused()).toBe("Clients");
    await userEvent.keyboard("{ArrowUp}{Enter}");
    expect(nav.route).toEqual({ name: "progress" });
    await userEvent.click(more);
    expect(screen.getByRole("button", { name: "Progress" }).getAttribute("aria-current")).toBe("page");
    await userEvent.click(screen.getByLabelText("Current person"));
    expect(more.getAttribute("aria-expanded")).toBe("false");
  });

  it("shows every item, and no More, when they fit", async () => {
    room = 2000;
    nav.hasResults = true;
    render(Header, { me });
    await vi.waitFor(() => expect(screen.getByRole("button", { name: "History" })).toBeTruthy());
    expect(screen.queryByRole("button", { name: "More" })).toBeNull();
    expect(screen.getByRole("button", { name: "Clients" })).toBeTruthy();
  });
});
