import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LockState } from "../../api/lock";
import { locking } from "../../app/idle.svelte";
import { fakeRust } from "../assessment/fixtures";
import Passphrase from "./Passphrase.svelte";
import { backupsNote, checkNew, idleChoices } from "./passphrase";

const PLAIN: LockState = { encrypted: false, locked: false, idle_minutes: null };
const ENCRYPTED: LockState = { encrypted: true, locked: false, idle_minutes: null };
const WRONG_CURRENT = { code: "invalid_input", message: "The current passphrase is not right. Nothing was changed." };

beforeEach(() => locking.apply(PLAIN));

const field = (name: string, within_: HTMLElement = document.body) =>
  within(within_).getByLabelText(name) as HTMLInputElement;
const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

describe("setting a passphrase", () => {
  it("warns that it cannot be recovered and is ready only when both fields match and it is long enough", async () => {
    let state = PLAIN;
    const calls = fakeRust({
      get_lock_state: () => state,
      set_passphrase: () => {
        state = ENCRYPTED;
        return 0;
      },
    });
    render(Passphrase);
    const encrypt = await screen.findByRole("button", { name: "Encrypt with this passphrase" });
    expect(document.body.textContent).toContain(
      "A forgotten passphrase cannot be recovered. Without it, neither your data nor its backups can be opened.",
    );
    const next = field("New passphrase");
    const again = field("The new passphrase again");
    expect([next.type, next.autocomplete, again.autocomplete]).toEqual(["password", "new-password", "new-password"]);
    expect((encrypt as HTMLButtonElement).disabled).toBe(true);

    await userEvent.type(next, "short");
    await userEvent.tab();
    expect(screen.getByText(/Too short/).id).toBe("new-passphrase-hint");
    await userEvent.type(again, "short");
    expect((encrypt as HTMLButtonElement).disabled).toBe(true);

    await userEvent.clear(next);
    await userEvent.type(next, "correct horse");
    await userEvent.clear(again);
    await userEvent.type(again, "correct horsy");
    expect(screen.getByText("The two passphrases are not the same.")).toBeTruthy();
    expect((encrypt as HTMLButtonElement).disabled).toBe(true);

    await userEvent.type(again, "{Backspace}{Backspace}se");
    expect(screen.queryByText("The two passphrases are not the same.")).toBeNull();
    expect((encrypt as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(encrypt);
    expect(calls).toContainEqual(["set_passphrase", { current: null, new: "correct horse" }]);
    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toContain("Your data is encrypted."));
    expect(screen.getByRole("form", { name: "Change the passphrase" })).toBeTruthy();
    expect(locking.encrypted).toBe(true);
    expect(document.activeElement?.id).toBe("passphrase-title");
  });

  it("says it is busy, and which older backups kept another passphrase", async () => {
    let finish: (left: number) => void = () => {};
    let state = PLAIN;
    fakeRust({
      get_lock_state: () => state,
      set_passphrase: () =>
        new Promise<number>((resolve) => {
          finish = (left) => {
            state = ENCRYPTED;
            resolve(left);
          };
        }),
    });
    render(Passphrase);
    await userEvent.type(await screen.findByLabelText("New passphrase"), "correct horse");
    await userEvent.type(field("The new passphrase again"), "correct horse{Enter}");
    expect(button("Encrypting…").disabled).toBe(true);
    expect(screen.getByRole("status").textContent).toContain("can take a few seconds");
    finish(2);
    await vi.waitFor(() =>
      expect(screen.getByRole("status").textContent).toContain(
        "2 older backups were made with another passphrase and were left as they were.",
      ),
    );
  });
});

describe("with a passphrase", () => {
  it("changes it with the current one, and says so when the current one is wrong", async () => {
    const calls = fakeRust({
      get_lock_state: () => ENCRYPTED,
      set_passphrase: (a) => {
        if (a["current"] !== "old passphrase") throw WRONG_CURRENT;
        return 0;
      },
    });
    render(Passphrase);
    const form = await screen.findByRole("form", { name: "Change the passphrase" });
    const current = field("Current passphrase", form);
    expect(current.autocomplete).toBe("current-password");
    await userEvent.type(current, "old passfrase");
    await userEvent.type(field("New passphrase", form), "new passphrase");
    await userEvent.type(field("The new passphrase again", form), "new passphrase");
    await userEvent.click(within(form).getByRole("button", { name: "Change passphrase" }));

    const alert = await within(form).findByRole("alert");
    expect(alert.textContent).toContain("The current passphrase is not right.");
    expect(current.getAttribute("aria-invalid")).toBe("true");
    await vi.waitFor(() => expect(document.activeElement).toBe(current));

    await userEvent.clear(current);
    await userEvent.type(current, "old passphrase{Enter}");
    expect(calls).toContainEqual(["set_passphrase", { current: "old passphrase", new: "new passphrase" }]);
    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toContain("The passphrase is changed"));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(current.value).toBe("");
  });

  it("removes it only after a confirmation that says the data will be stored unencrypted", async () => {
    let state = ENCRYPTED;
    const calls = fakeRust({
      get_lock_state: () => state,
      set_passphrase: () => {
        state = PLAIN;
        return 0;
      },
    });
    render(Passphrase);
    const form = await screen.findByRole("form", { name: "Remove the passphrase" });
    const remove = within(form).getByRole("button", { name: "Remove the passphrase" }) as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
    await userEvent.type(field("Current passphrase", form), "old passphrase");
    await userEvent.click(remove);
    const dialog = screen.getByRole("alertdialog", { name: "Store your data unencrypted?" });
    expect(dialog.textContent).toContain("re-written without encryption");
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));

    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.activeElement).toBe(remove);
    expect(calls.some(([cmd]) => cmd === "set_passphrase")).toBe(false);

    await userEvent.keyboard("{Enter}");
    await userEvent.click(screen.getByRole("button", { name: "Store my data unencrypted" }));
    expect(calls).toContainEqual(["set_passphrase", { current: "old passphrase", new: null }]);
    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toContain("The passphrase is removed."));
    expect(await screen.findByRole("button", { name: "Encrypt with this passphrase" })).toBeTruthy();
  });

  it("saves the idle time as soon as it is chosen", async () => {
    const calls = fakeRust({ get_lock_state: () => ({ ...ENCRYPTED, idle_minutes: 30 }), set_idle_lock: () => null });
    render(Passphrase);
    const select = (await screen.findByLabelText("Lock after being idle for")) as HTMLSelectElement;
    expect(select.value).toBe("30");
    expect(Array.from(select.options).map((o) => o.text)).toEqual([
      "Never",
      "5 minutes",
      "15 minutes",
      "30 minutes",
      "60 minutes",
    ]);

    await userEvent.selectOptions(select, "15 minutes");
    await vi.waitFor(() => expect(calls).toContainEqual(["set_idle_lock", { minutes: 15 }]));
    await vi.waitFor(() => expect(locking.idleMinutes).toBe(15));
    await userEvent.selectOptions(select, "Never");
    await vi.waitFor(() => expect(calls).toContainEqual(["set_idle_lock", { minutes: null }]));
    await vi.waitFor(() => expect(locking.idleMinutes).toBeNull());
    expect(screen.getByRole("status").textContent).toContain("will not lock itself");
  });

  it("shows the idle time as it really is when saving it fails", async () => {
    fakeRust({
      get_lock_state: () => ({ ...ENCRYPTED, idle_minutes: 30 }),
      set_idle_lock: () => {
        throw { code: "storage", message: "disk full" };
      },
    });
    render(Passphrase);
    const select = (await screen.findByLabelText("Lock after being idle for")) as HTMLSelectElement;
    await userEvent.selectOptions(select, "5 minutes");
    expect((await screen.findByRole("alert")).textContent).toContain("disk full");
    expect(select.value).toBe("30");
    expect(locking.idleMinutes).toBe(30);
  });

  it("locks now", async () => {
    const calls = fakeRust({ get_lock_state: () => ENCRYPTED, lock: () => null });
    render(Passphrase);
    await userEvent.click(await screen.findByRole("button", { name: "Lock now" }));
    expect(calls).toContainEqual(["lock", {}]);
    await vi.waitFor(() => expect(locking.locked).toBe(true));
  });
});

describe("passphrase hints", () => {
  it("counts as Rust does and waits for the second field to be typed out", () => {
    expect(checkNew("  1234567  ", "  1234567  ")).toMatchObject({ short: true, ready: false });
    expect(checkNew("ééééøøøø", "ééééøøøø")).toMatchObject({ short: false, ready: true });
    expect(checkNew("correct horse", "correct")).toMatchObject({ mismatch: false, ready: false });
    expect(checkNew("correct horse", "correct horse!")).toMatchObject({ mismatch: true, ready: false });
    expect(checkNew("", "")).toMatchObject({ short: false, mismatch: false, ready: false });
  });

  it("offers the idle time in use even when it was set elsewhere", () => {
    expect(idleChoices(null)).toEqual([5, 15, 30, 60]);
    expect(idleChoices(90)).toEqual([5, 15, 30, 60, 90]);
    expect(backupsNote(0)).toBe("");
    expect(backupsNote(1)).toBe("1 older backup was made with another passphrase and was left as it was.");
  });
});
