import { describe, expect, it } from "vitest";
import {
  draftId,
  isKebab,
  itemKeys,
  kebab,
  move,
  newDay,
  newItem,
  problems,
  startDraft,
  toProgramme,
  unique,
  versionFor,
  type Draft,
  type DraftItem,
} from "./authoring";
import { retreat } from "./fixtures";

function item(over: Partial<DraftItem>): DraftItem {
  return { ...newItem(), ...over };
}

function draft(over: Partial<Draft> = {}): Draft {
  return { ...startDraft({ kind: "new" }), title: "Mountain retreat", description: "Two days.", ...over };
}

describe("ids", () => {
  it("are made from a title in kebab-case, accents and punctuation dropped", () => {
    expect(kebab("Mountain retreat, 2026!")).toBe("mountain-retreat-2026");
    expect(kebab("  Écoute  d'abord — Zürich ")).toBe("ecoute-d-abord-zurich");
    expect(kebab("!!!")).toBe("");
    expect(kebab("a".repeat(70))).toHaveLength(60);
    expect(kebab("ab cd", 3)).toBe("ab");
  });

  it("follow Rust's rule: lowercase letters and digits joined by single hyphens, up to 60", () => {
    expect(["walk", "day-2-walk", "a1"].every(isKebab)).toBe(true);
    expect(["", "Walk", "walk--back", "-walk", "walk-", "walk back", "a".repeat(61)].some(isKebab)).toBe(false);
  });

  it("get a number when taken, staying within 60 characters", () => {
    expect(unique("walk", new Set())).toBe("walk");
    expect(unique("walk", new Set(["walk", "walk-2"]))).toBe("walk-3");
    const long = "a".repeat(60);
    expect(unique(long, new Set([long]))).toBe(`${"a".repeat(58)}-2`);
  });

  it("follow the title without landing on another programme, until the person types one", () => {
    const taken = new Set(["mountain-retreat"]);
    expect(draftId(draft(), taken)).toBe("mountain-retreat-2");
    expect(draftId(draft({ title: "" }), taken)).toBe("");
    expect(draftId(draft({ id: "mountain-retreat", idEdited: true }), taken)).toBe("mountain-retreat");
  });

  it("raise the version of the programme they replace, and start new ones at 1", () => {
    expect(versionFor(retreat.id, [{ ...retreat, version: 3 }])).toBe(4);
    expect(versionFor("something-new", [retreat])).toBe(1);
  });
});

describe("starting a draft", () => {
  it("starts a new programme with one empty day", () => {
    const d = startDraft({ kind: "new" });
    expect([d.id, d.idEdited, d.title, d.days.length, d.days[0]?.title, d.days[0]?.items]).toEqual([
      "",
      false,
      "",
      1,
      "Day 1",
      [],
    ]);
  });

  it("keeps an edited programme's id and keys, so progress carries over", () => {
    const d = startDraft({ kind: "edit", programme: retreat });
    expect([d.id, d.idEdited, d.title]).toEqual([retreat.id, true, retreat.title]);
    expect(toProgramme(d, d.id, 2)).toEqual({ ...retreat, version: 2 });
  });

  it("titles a copy as one and lets its id follow that title", () => {
    const d = startDraft({ kind: "copy", programme: retreat });
    expect(d.title).toBe(`${retreat.title} (copy)`);
    expect(draftId(d, new Set([retreat.id]))).toBe("three-days-at-the-back-of-the-line-copy");
  });
});

describe("item keys", () => {
  it("are made from what the item asks for and numbered when repeated", () => {
    const day = newDay(1);
    day.items = [
      item({ kind: "assessment" }),
      item({ kind: "exercise", exercise: "walk-at-the-back" }),
      item({ kind: "habit", habit: "let-others-go-first" }),
      item({ kind: "prompt", prompt: "  Who stepped up today, and what did you notice?" }),
      item({ kind: "exercise", exercise: "walk-at-the-back" }),
      item({ kind: "exercise", exercise: "" }),
    ];
    const day2 = newDay(2);
    day2.items = [item({ kind: "assessment" }), item({ kind: "prompt", prompt: "" })];
    expect(itemKeys([day, day2])).toEqual([
      [
        "assessment",
        "walk-at-the-back",
        "habit-let-others-go-first",
        "prompt-who-stepped-up-today-and",
        "walk-at-the-back-2",
        "exercise",
      ],
      ["assessment-2", "prompt"],
    ]);
  });

  it("keep a saved key through moves and rewording, but not when the item asks for something else", () => {
    const d = startDraft({ kind: "edit", programme: retreat });
    const [day1, day2] = d.days;
    if (!day1 || !day2) throw new Error("the fixture has two days");
    d.days = [day2, day1];
    const prompt = day1.items[3];
    if (prompt) prompt.prompt = "Who stepped up, and how?";
    const walk = day1.items[1];
    if (walk) walk.exercise = "quick-pause";
    day1.items.push(item({ kind: "exercise", exercise: "walk-at-the-back" }));
    expect(itemKeys(d.days)).toEqual([
      ["listen"],
      ["assessment-before", "quick-pause", "habit", "who-stepped-up", "walk-at-the-back"],
    ]);
    if (walk) walk.exercise = "walk-at-the-back";
    expect(itemKeys(d.days)[1]?.[1]).toBe("walk");
  });

  it("are never taken twice, even when a new item's key matches a saved one", () => {
    const d = startDraft({ kind: "edit", programme: retreat });
    d.days[1]?.items.unshift(item({ kind: "assessment" }));
    d.days[1]?.items.push(item({ kind: "exercise", exercise: "walk" }));
    const keys = itemKeys(d.days).flat();
    expect(new Set(keys).size).toBe(keys.length);
    expect(itemKeys(d.days)[1]).toEqual(["assessment", "listen", "walk-2"]);
  });
});

describe("the programme sent to Rust", () => {
  it("carries each kind's own field only, trimmed, with required as chosen", () => {
    const day = { ...newDay(1), title: " Arrive " };
    day.items = [
      item({ kind: "exercise", exercise: "quick-pause", habit: "left-over", required: false }),
      item({ kind: "prompt", prompt: " What do you hope for? " }),
    ];
    expect(toProgramme(draft({ title: " Retreat ", days: [day] }), "retreat", 1)).toEqual({
      id: "retreat",
      version: 1,
      title: "Retreat",
      description: "Two days.",
      days: [
        {
          title: "Arrive",
          items: [
            { key: "quick-pause", required: false, kind: "exercise", exercise: "quick-pause" },
            { key: "prompt-what-do-you-hope-for", required: true, kind: "prompt", prompt: "What do you hope for?" },
          ],
        },
      ],
    });
  });
});

describe("problems shown before saving", () => {
  it("name each gap next to its field, in screen order", () => {
    const empty = newDay(2);
    empty.title = " ";
    const full = newDay(1);
    full.items = [item({ kind: "exercise" }), item({ kind: "habit" }), item({ kind: "prompt", prompt: " " }), item({ kind: "assessment" })];
    const found = problems(draft({ title: "", description: "", days: [full, empty] }), "Not An Id");
    expect(found).toEqual([
      { field: "author-title", message: "Give the programme a title." },
      { field: "author-id", message: expect.stringContaining("lowercase letters and digits") },
      { field: "author-description", message: expect.stringContaining("Add a few words") },
      { field: "author-day-1-item-1-exercise", message: "Choose an exercise." },
      { field: "author-day-1-item-2-habit", message: "Choose a habit." },
      { field: "author-day-1-item-3-prompt", message: "Write the prompt." },
      { field: "author-day-2-title", message: "Give day 2 a title." },
      { field: "author-day-2-add-item", message: "Day 2 has nothing in it yet; add at least one item." },
    ]);
  });

  it("ask for a title alone while the id follows it", () => {
    const found = problems(draft({ title: " " }), "").map((p) => p.field);
    expect(found).toEqual(["author-title", "author-day-1-add-item"]);
  });

  it("ask for an id and a first day", () => {
    expect(problems(draft({ days: [] }), "")).toEqual([
      { field: "author-id", message: expect.stringContaining("Give the programme an id") },
      { field: "author-add-day", message: "Add at least one day." },
    ]);
  });

  it("find nothing in a complete programme", () => {
    expect(problems(startDraft({ kind: "edit", programme: retreat }), retreat.id)).toEqual([]);
  });
});

describe("moving", () => {
  it("moves one entry and leaves the list alone when out of range", () => {
    expect(move(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(move(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(move(["a", "b"], 1, 2)).toEqual(["a", "b"]);
  });
});
