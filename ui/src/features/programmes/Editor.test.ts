import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Programme } from "../../api/programmes";
import { fakeRust, pause, walk, type Handlers } from "../exercises/fixtures";
import { retreat } from "./fixtures";
import Programmes from "./Programmes.svelte";

const habits = [{ id: "let-others-go-first", name: "Let others go first", stance: "behind", why: "", source: "", schedule: { times: 1, days: 1 } }];

/** Rust with a programme list that grows as programmes are saved, like the real one. */
function rust(extra: Handlers = {}) {
  const stored: Programme[] = [retreat];
  const calls = fakeRust({
    get_programmes: () => stored.map((p) => ({ ...p })),
    get_exercises: () => [pause, walk],
    get_habit_library: () => habits,
    save_authored_programme: ({ programme }) => {
      const saved = programme as Programme;
      const at = stored.findIndex((p) => p.id === saved.id);
      if (at >= 0) stored[at] = saved;
      else stored.push(saved);
      return saved;
    },
    ...extra,
  });
  return { calls, stored };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const saves = (calls: ReturnType<typeof rust>["calls"]) => calls.filter(([c]) => c === "save_authored_programme");

async function openEditor(name = "New programme") {
  render(Programmes);
  await userEvent.click(await screen.findByRole("button", { name }));
  await screen.findByRole("heading", { level: 1 });
}

describe("writing a programme", () => {
  it("saves a day with an exercise, with an id from the title, and returns to the list with it marked", async () => {
    const { calls } = rust();
    await openEditor();
    expect(screen.getByRole("heading", { level: 1, name: "New programme" })).toBe(document.activeElement);

    await userEvent.type(screen.getByLabelText("Title"), "Mountain retreat, 2026");
    expect(screen.getByLabelText("Id")).toHaveProperty("value", "mountain-retreat-2026");
    await userEvent.type(screen.getByLabelText("Description"), "Two days of walking at the back.");
    await userEvent.clear(screen.getByLabelText("Title of day 1"));
    await userEvent.type(screen.getByLabelText("Title of day 1"), "Arrive");
    await userEvent.click(screen.getByRole("button", { name: "Add an item to day 1" }));
    expect(document.activeElement).toBe(byId("author-day-1-item-1-kind"));
    await userEvent.selectOptions(screen.getByLabelText("Exercise"), "The walk at the back · 30 min");
    await userEvent.click(screen.getByRole("checkbox", { name: /Required/ }));
    expect(screen.getByText("key: walk-at-the-back")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Save programme" }));

    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("Saved “Mountain retreat, 2026” (version 1)");
    expect(saves(calls)).toEqual([
      [
        "save_authored_programme",
        {
          programme: {
            id: "mountain-retreat-2026",
            version: 1,
            title: "Mountain retreat, 2026",
            description: "Two days of walking at the back.",
            days: [
              { title: "Arrive", items: [{ key: "walk-at-the-back", required: false, kind: "exercise", exercise: "walk-at-the-back" }] },
            ],
          },
        },
      ],
    ]);
    const open = screen.getByRole("button", { name: "Open Mountain retreat, 2026" });
    expect(document.activeElement).toBe(open);
    expect(open.closest("li")?.getAttribute("aria-current")).toBe("true");
  });

  it("marks what is missing next to each field and saves nothing until it is fixed", async () => {
    const { calls } = rust();
    await openEditor();
    await userEvent.clear(screen.getByLabelText("Title of day 1"));
    await userEvent.click(screen.getByRole("button", { name: "Save programme" }));

    const title = screen.getByLabelText("Title");
    expect(document.activeElement).toBe(title);
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("textbox", { name: "Title", description: "Give the programme a title." })).toBe(title);
    expect(screen.getByText(/Add a few words for participants/)).toBeTruthy();
    expect(screen.getByText("Give day 1 a title.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add an item to day 1" }).getAttribute("aria-describedby")).toBe(
      "author-day-1-add-item-error",
    );
    expect(screen.getByRole("alert").textContent).toContain("4 things need your attention");

    await userEvent.type(title, "Retreat");
    expect(screen.queryByText("Give the programme a title.")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Add an item to day 1" }));
    await userEvent.click(screen.getByRole("button", { name: "Save programme" }));
    expect(document.activeElement).toBe(byId("author-description"));
    expect(screen.getByText("Choose an exercise.")).toBeTruthy();
    expect(saves(calls)).toEqual([]);
  });

  it("shows Rust's reason when it refuses the programme, keeping the draft", async () => {
    rust({
      save_authored_programme: () => {
        throw { code: "invalid_input", message: 'the programme: day 1, item "prompt-why": the prompt is too long' };
      },
    });
    await openEditor();
    await userEvent.type(screen.getByLabelText("Title"), "Retreat");
    await userEvent.type(screen.getByLabelText("Description"), "Why.");
    await userEvent.click(screen.getByRole("button", { name: "Add an item to day 1" }));
    await userEvent.selectOptions(screen.getByLabelText("What participants do"), "Reflect on a prompt");
    await userEvent.type(screen.getByLabelText("Prompt"), "Why?");
    await userEvent.click(screen.getByRole("button", { name: "Save programme" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Please check what you entered.");
    expect(alert.textContent).toContain('day 1, item "prompt-why": the prompt is too long');
    expect(screen.getByText("key: prompt-why")).toBeTruthy();
    expect(screen.getByLabelText("Title")).toHaveProperty("value", "Retreat");
  });

  it("edits a programme in place: same id and keys, the next version, days reordered by keyboard", async () => {
    const { calls } = rust();
    await openEditor(`Edit ${retreat.title}`);
    expect(screen.getByText(/Saving replaces version 1 with version 2/)).toBeTruthy();

    byId("author-day-2-up").focus();
    await userEvent.keyboard("{Enter}");
    expect(screen.getByLabelText("Title of day 1")).toHaveProperty("value", "Day 2: Listen first");
    // Day 2 is now last, so its "down" is disabled and focus goes to the other arrow.
    expect(document.activeElement).toBe(byId("author-day-1-down"));

    const day2 = byId("author-day-2");
    await userEvent.click(within(day2).getByRole("button", { name: "Remove day 2, item 4" }));
    expect(document.activeElement).toBe(byId("author-day-2-add-item"));
    await userEvent.click(within(day2).getByRole("button", { name: "Move day 2, item 2 up" }));
    await userEvent.click(screen.getByRole("button", { name: "Save programme" }));

    await screen.findByRole("status");
    const sent = saves(calls)[0]?.[1]["programme"] as Programme;
    expect([sent.id, sent.version]).toEqual([retreat.id, 2]);
    expect(sent.days.map((d) => [d.title, d.items.map((i) => i.key)])).toEqual([
      ["Day 2: Listen first", ["listen"]],
      ["Day 1: Stepping to the back", ["walk", "assessment-before", "habit"]],
    ]);
  });

  it("gives a copy an id of its own and version 1", async () => {
    const { calls } = rust();
    await openEditor(`Edit a copy of ${retreat.title}`);
    expect(screen.getByRole("heading", { level: 1, name: `Edit a copy of “${retreat.title}”` })).toBeTruthy();
    expect(screen.getByLabelText("Id")).toHaveProperty("value", "three-days-at-the-back-of-the-line-copy");
    await userEvent.click(screen.getByRole("button", { name: "Save programme" }));
    await screen.findByRole("status");
    expect(saves(calls)[0]?.[1]["programme"]).toMatchObject({ id: "three-days-at-the-back-of-the-line-copy", version: 1 });
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
  });

  it("says so when the id belongs to a programme that comes with the app, which a save cannot replace", async () => {
    // Rust saves it, but lists its own built-in programme under that id, unchanged.
    rust({ save_authored_programme: ({ programme }) => programme });
    await openEditor(`Edit ${retreat.title}`);
    await userEvent.click(screen.getByRole("button", { name: "Save programme" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("comes with Leadback and cannot be replaced");
    expect(screen.getByRole("heading", { level: 1, name: `Edit “${retreat.title}”` })).toBeTruthy();

    await userEvent.clear(screen.getByLabelText("Id"));
    await userEvent.type(screen.getByLabelText("Id"), "My Retreat");
    await userEvent.click(screen.getByRole("button", { name: "Save programme" }));
    expect(screen.getByText(/Use lowercase letters and digits/)).toBeTruthy();
  });

  it("edits a programme written right to left in fields that follow the text", async () => {
    const title = "ثلاثة أيام في آخر الصف";
    const arabic = { ...retreat, title, days: [{ title: "اليوم الأول", items: [{ key: "ask", required: true, kind: "prompt" as const, prompt: "من تقدّم؟" }] }] };
    rust({ get_programmes: () => [arabic] });
    await openEditor(`Edit ${title}`);
    const heading = screen.getByRole("heading", { level: 1, name: `Edit “${title}”` });
    expect(heading.querySelector("bdi")?.textContent).toBe(title);
    for (const label of ["Title", "Description", "Title of day 1", "Prompt"]) {
      expect(screen.getByLabelText(label).getAttribute("dir")).toBe("auto");
    }
  });

  it("goes back to the list without saving on Cancel", async () => {
    const { calls } = rust();
    await openEditor();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Programmes" })).toBeTruthy();
    expect(saves(calls)).toEqual([]);
  });
});
