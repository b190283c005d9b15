import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Programme } from "../../api/programmes";
import { wholeText } from "../../app/wholeText";
import { fakeRust } from "../assessment/fixtures";
import { retreat } from "./fixtures";
import Programmes from "./Programmes.svelte";

const mine: Programme = { ...retreat, id: "my-retreat", title: "My retreat" };

/** The sample that comes with the app, and one the facilitator wrote: only theirs can go. */
function rust() {
  let programmes = [retreat, mine];
  const refuse = () => {
    throw { code: "invalid_input", message: `“${retreat.title}” comes with Leadback and cannot be deleted.` };
  };
  const deletion = { id: "my-retreat", title: "My retreat", items_done: 3, cohort_results: 5 };
  return fakeRust({
    get_programmes: () => programmes,
    get_exercises: () => [],
    get_habit_library: () => [],
    programme_deletion_preview: ({ id }) => (id === mine.id ? deletion : refuse()),
    delete_programme: ({ id }) => {
      if (id !== mine.id) refuse();
      programmes = programmes.filter((p) => p.id !== id);
      return deletion;
    },
  });
}

const item = (title: string) => screen.getByRole("heading", { level: 2, name: title }).closest("li") as HTMLElement;

describe("deleting a programme", () => {
  it("is offered for one written here or imported, not for the one that comes with Leadback", async () => {
    rust();
    render(Programmes);
    await screen.findByRole("heading", { level: 2, name: "My retreat" });
    expect(await within(item("My retreat")).findByRole("button", { name: "Delete My retreat…" })).toBeTruthy();
    expect(within(item(retreat.title)).queryByRole("button", { name: /^Delete/ })).toBeNull();
  });

  it("names what goes with it, and keeps it on Esc or “Keep it”", async () => {
    const calls = rust();
    render(Programmes);
    await userEvent.click(await screen.findByRole("button", { name: "Delete My retreat…" }));
    const dialog = screen.getByRole("alertdialog", { name: "Delete “My retreat”?" });
    // The title the facilitator wrote is isolated inside the question, whatever its script.
    expect(dialog.querySelector("h2 bdi")?.textContent).toBe("My retreat");
    expect(dialog.textContent).toMatch(/3 items ticked off as done in it/);
    expect(dialog.textContent).toMatch(/5 participants' results files imported for it/);
    expect(dialog.textContent).toMatch(/Exercises done from it, with their reflections, stay/);
    await userEvent.click(within(dialog).getByRole("button", { name: "Keep it" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Delete My retreat…" }));
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(calls.map(([c]) => c)).not.toContain("delete_programme");
  });

  it("deletes it once confirmed and says so", async () => {
    const calls = rust();
    render(Programmes);
    await userEvent.click(await screen.findByRole("button", { name: "Delete My retreat…" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete the programme" }));
    expect(calls).toContainEqual(["delete_programme", { id: "my-retreat" }]);
    expect(await screen.findByText(wholeText("Deleted “My retreat”."))).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 2, name: "My retreat" })).toBeNull();
    expect(screen.getByRole("heading", { level: 2, name: retreat.title })).toBeTruthy();
  });
});
