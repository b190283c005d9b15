import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust } from "../features/assessment/fixtures";
import LockScreen from "./LockScreen.svelte";

const WRONG = { code: "invalid_input", message: "That passphrase does not open your data. Nothing was changed." };

describe("the lock screen", () => {
  it("asks for the passphrase with the field ready to type in, and says it cannot be recovered", () => {
    fakeRust({});
    render(LockScreen, { onunlocked: () => {} });
    expect(screen.getByRole("heading", { name: "Leadback is locked" })).toBeTruthy();
    const field = screen.getByLabelText("Passphrase") as HTMLInputElement;
    expect(field.type).toBe("password");
    expect(document.activeElement).toBe(field);
    expect(document.body.textContent).toContain(
      "A forgotten passphrase cannot be recovered; your backups use the same passphrase.",
    );
  });

  it("says a wrong passphrase beside the field and stays, then opens with the right one", async () => {
    const calls = fakeRust({
      unlock: (a) => {
        if (a["passphrase"] !== "correct horse") throw WRONG;
        return null;
      },
    });
    const onunlocked = vi.fn();
    render(LockScreen, { onunlocked });
    const field = screen.getByLabelText("Passphrase") as HTMLInputElement;

    await userEvent.type(field, "wrong guess{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("That passphrase does not open your data.");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toContain(alert.id);
    await vi.waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value).toBe("");
    expect(onunlocked).not.toHaveBeenCalled();
    expect(screen.getByRole("heading", { name: "Leadback is locked" })).toBeTruthy();

    await userEvent.type(field, "correct horse");
    await userEvent.click(screen.getByRole("button", { name: "Unlock" }));
    await vi.waitFor(() => expect(onunlocked).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      ["unlock", { passphrase: "wrong guess" }],
      ["unlock", { passphrase: "correct horse" }],
    ]);
  });

  it("shows it is busy while the key is derived, and sends nothing twice", async () => {
    let open: (value: null) => void = () => {};
    const calls = fakeRust({ unlock: () => new Promise<null>((resolve) => (open = resolve)) });
    const onunlocked = vi.fn();
    render(LockScreen, { onunlocked });
    const field = screen.getByLabelText("Passphrase");
    await userEvent.type(field, "correct horse{Enter}");
    const busy = await screen.findByRole("button", { name: "Unlocking…" });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(field, "{Enter}");
    expect(calls).toHaveLength(1);
    open(null);
    await vi.waitFor(() => expect(onunlocked).toHaveBeenCalledOnce());
  });

  it("sends nothing while the field is empty", async () => {
    const calls = fakeRust({ unlock: () => null });
    render(LockScreen, { onunlocked: () => {} });
    await userEvent.click(screen.getByRole("button", { name: "Unlock" }));
    expect(calls).toEqual([]);
  });
});
