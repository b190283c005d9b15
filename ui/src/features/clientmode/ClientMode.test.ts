import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { locking } from "../../app/idle.svelte";
import { nav } from "../../app/nav.svelte";
import { fakeRust, questionnaire, record, scored } from "../assessment/fixtures";
import ClientMode from "./ClientMode.svelte";
import { enterClientMode } from "./mode";

function rust(unlock: (a: Record<string, unknown>) => unknown = () => null) {
  return fakeRust({
    set_client_mode: () => null,
    get_questionnaire: () => questionnaire,
    start_assessment: () => record(),
    answer_item: () => null,
    get_assessment_result: () => scored(7, "2026-11-02T10:00:00Z"),
    unlock,
  });
}

const heading = () => screen.getByRole("heading", { level: 1 });

beforeEach(() => {
  nav.clientMode = null;
  locking.encrypted = false;
  nav.go({ name: "home" });
});

describe("the client-facing assessment", () => {
  it("goes full screen and shows only the questionnaire, with no menu", async () => {
    const calls = rust();
    await enterClientMode("Noor", 2);
    expect(calls).toContainEqual(["set_client_mode", { active: true }]);
    render(ClientMode, { name: "Noor" });
    await vi.waitFor(() => expect(heading().textContent).toContain("set the pace."));
    // The client's name, in whatever script, is isolated from the words around it.
    expect(screen.getByText("Noor").getAttribute("dir")).toBe("auto");
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.getAllByRole("button").map((b) => b.textContent?.trim())).not.toContain("Back to home");
  });

  it("asks before leaving, and Escape asks too; staying keeps the questionnaire", async () => {
    const calls = rust();
    await enterClientMode("Noor", 2);
    render(ClientMode, { name: "Noor" });
    await vi.waitFor(() => expect(heading().textContent).toContain("set the pace."));
    await userEvent.keyboard("{Escape}");
    expect(screen.getByRole("alertdialog", { name: "Leave the client view?" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Stay" }));
    await vi.waitFor(() => expect(heading().textContent).toContain("set the pace."));
    expect(nav.clientMode).toEqual({ name: "Noor", personId: 2 });

    await userEvent.click(screen.getByRole("button", { name: "Coach: leave this view" }));
    await userEvent.click(screen.getByRole("button", { name: "Leave the client view" }));
    await vi.waitFor(() => expect(nav.clientMode).toBeNull());
    expect(calls).toContainEqual(["set_client_mode", { active: false }]);
    expect(calls.some(([c]) => c === "unlock")).toBe(false);
  });

  it("closes the Leave dialog on Escape, and it opens as a modal dialog (centred above the page)", async () => {
    const showModal = vi.fn(function (this: HTMLDialogElement) {
      this.setAttribute("open", "");
    });
    HTMLDialogElement.prototype.showModal = showModal;
    try {
      rust();
      await enterClientMode("Noor", 2);
      render(ClientMode, { name: "Noor" });
      await userEvent.click(await screen.findByRole("button", { name: "Coach: leave this view" }));
      const dialog = screen.getByRole("alertdialog", { name: "Leave the client view?" });
      expect(dialog.tagName).toBe("DIALOG");
      expect(showModal).toHaveBeenCalledTimes(1);
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Stay" }));
      await userEvent.keyboard("{Escape}");
      expect(screen.queryByRole("alertdialog")).toBeNull();
      await vi.waitFor(() => expect(heading().textContent).toContain("set the pace."));
      expect(nav.clientMode).toEqual({ name: "Noor", personId: 2 });
    } finally {
      delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal;
    }
  });

  it("leaves an unfinished assessment for the client's page, where it can be resumed", async () => {
    rust();
    await enterClientMode("Noor", 2);
    render(ClientMode, { name: "Noor" });
    await userEvent.click(await screen.findByRole("button", { name: "Coach: leave this view" }));
    await userEvent.click(screen.getByRole("button", { name: "Leave the client view" }));
    await vi.waitFor(() => expect(nav.clientMode).toBeNull());
    expect(nav.route).toEqual({ name: "client", id: 2 });
  });

  it("calls the observer's hand-over the observer's view, not the client's", async () => {
    fakeRust({
      set_client_mode: () => null,
      get_observer_form: () => ({
        observer: "Sam",
        subject: "Noor",
        scale: { min: 1, max: 5, labels: ["Never", "Rarely", "Sometimes", "Often", "Almost always"] },
        items: [{ id: "front-01", text: "Noor sets the pace." }],
      }),
    });
    nav.clientMode = { name: "Sam", observerRequest: 4 };
    nav.go({ name: "client", id: 2 });
    render(ClientMode, { name: "Sam", observerRequest: 4 });
    await userEvent.click(await screen.findByRole("button", { name: "Coach: leave this view" }));
    const dialog = screen.getByRole("alertdialog", { name: "Leave the observer's view?" });
    expect(dialog.textContent).not.toMatch(/client view/);
    await userEvent.click(within(dialog).getByRole("button", { name: "Leave the observer's view" }));
    await vi.waitFor(() => expect(nav.clientMode).toBeNull());
    expect(nav.route).toEqual({ name: "client", id: 2 });
  });

  it("with an app lock, leaves only with the right passphrase", async () => {
    locking.encrypted = true;
    const calls = rust(({ passphrase }) => {
      if (passphrase !== "correct horse") throw { code: "invalid_input", message: "That passphrase is not right." };
      return null;
    });
    await enterClientMode("Noor", 2);
    render(ClientMode, { name: "Noor" });
    await userEvent.click(await screen.findByRole("button", { name: "Coach: leave this view" }));
    const leave = screen.getByRole("button", { name: "Leave the client view" }) as HTMLButtonElement;
    expect(leave.disabled).toBe(true);

    await userEvent.type(screen.getByLabelText("Passphrase"), "guess");
    await userEvent.click(leave);
    expect(await screen.findByText(/That passphrase is not right/)).toBeTruthy();
    expect(nav.clientMode).toEqual({ name: "Noor", personId: 2 });

    await userEvent.clear(screen.getByLabelText("Passphrase"));
    await userEvent.type(screen.getByLabelText("Passphrase"), "correct horse");
    await userEvent.click(leave);
    await vi.waitFor(() => expect(nav.clientMode).toBeNull());
    expect(calls).toContainEqual(["unlock", { passphrase: "correct horse" }]);
  });

  it("shows the result to the client without ways into the rest of the app", async () => {
    rust();
    await enterClientMode("Noor", 2);
    nav.go({ name: "results", id: 7 });
    render(ClientMode, { name: "Noor" });
    await vi.waitFor(() => expect(screen.getByText(/Your profile/)).toBeTruthy());
    const labels = screen.getAllByRole("button").map((b) => b.textContent?.trim());
    expect(labels).not.toContain("See all my results");
    expect(labels).not.toContain("Back to home");
  });
});
