import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import PassphraseField from "./PassphraseField.svelte";

describe("a passphrase field", () => {
  it("is masked, never spell-checked, and tells a password manager whether it wants the saved passphrase", () => {
    render(PassphraseField, { id: "now", label: "Passphrase" });
    const field = screen.getByLabelText("Passphrase") as HTMLInputElement;
    expect(field.type).toBe("password");
    expect(field.getAttribute("spellcheck")).toBe("false");
    expect(field.autocomplete).toBe("current-password");
    expect(field.getAttribute("aria-invalid")).toBeNull();
  });

  it("asks a password manager for a new passphrase when one is chosen", () => {
    render(PassphraseField, { id: "next", label: "New passphrase", purpose: "new" });
    expect((screen.getByLabelText("New passphrase") as HTMLInputElement).autocomplete).toBe("new-password");
  });

  it("while its form shows an error, is invalid and read out with the error, its hint and the screen's note", () => {
    render(PassphraseField, {
      id: "next",
      label: "New passphrase",
      errorId: "save-error",
      describedBy: "note",
      hint: { text: "At least 8 characters.", problem: false },
    });
    const field = screen.getByLabelText("New passphrase");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toBe("save-error next-hint note");
    expect(screen.getByText("At least 8 characters.").id).toBe("next-hint");
  });
});
