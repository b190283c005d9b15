import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it, vi } from "vitest";
import Onboarding from "./Onboarding.svelte";

describe("onboarding", () => {
  it("puts the cursor in the name field, ready to type", () => {
    mockIPC(() => null);
    render(Onboarding, { onsaved: vi.fn() });
    expect(document.activeElement).toBe(screen.getByLabelText("What should we call you?"));
    // A name may be typed in any script; the field follows it.
    expect(screen.getByLabelText("What should we call you?").getAttribute("dir")).toBe("auto");
  });

  it("saves the typed name and hands the saved person on", async () => {
    mockIPC((_cmd, args) => ({
      id: 1,
      kind: "me",
      name: String((args as { name: string }).name).trim(),
      created_at: "",
      updated_at: "",
    }));
    const onsaved = vi.fn();
    render(Onboarding, { onsaved });
    await userEvent.type(screen.getByLabelText("What should we call you?"), "  Ada ");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(onsaved.mock.calls[0]?.[0].name).toBe("Ada");
  });

  it("shows Rust's reason next to the field when the name is refused", async () => {
    mockIPC(() => {
      throw { code: "invalid_input", message: "Your name can't be empty." };
    });
    const onsaved = vi.fn();
    render(Onboarding, { onsaved });
    await userEvent.keyboard("{Tab}");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Your name can't be empty.");
    expect(screen.getByLabelText("What should we call you?").getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(onsaved).not.toHaveBeenCalled();
  });
});
