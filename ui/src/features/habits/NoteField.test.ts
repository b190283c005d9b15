import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import NoteField from "./NoteField.svelte";

const TOO_LONG = { code: "invalid_input", message: "The note is too long: 12 characters, at most 10 allowed." };

describe("a note field", () => {
  it("follows the direction of the note written in it (a check-in's, a day's, the energy's)", () => {
    render(NoteField, { id: "n", label: "Note", value: "قاد سامي الاجتماع", save: vi.fn(() => Promise.resolve()) });
    const field = screen.getByLabelText("Note") as HTMLInputElement;
    expect(field.value).toBe("قاد سامي الاجتماع");
    expect(field.getAttribute("dir")).toBe("auto");
  });

  it("drops Rust's “too long” once the note is shortened, and saves the shorter note", async () => {
    const save = vi.fn((note: string | null) => ((note ?? "").length > 10 ? Promise.reject(TOO_LONG) : Promise.resolve()));
    render(NoteField, { id: "n", label: "Note", value: null, save });
    const field = screen.getByLabelText("Note");
    await userEvent.type(field, "Sam led it!!{Enter}");
    expect((await screen.findByRole("alert")).textContent).toContain("too long");
    expect(field.getAttribute("aria-invalid")).toBe("true");

    await userEvent.type(field, "{Backspace}{Backspace}");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(field.getAttribute("aria-invalid")).toBeNull();

    await userEvent.type(field, "{Enter}");
    expect(await screen.findByText("Saved")).toBeTruthy();
    expect(save).toHaveBeenLastCalledWith("Sam led it");
  });
});
