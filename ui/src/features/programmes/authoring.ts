// Writing a programme in the app: the editor's draft, the id and keys made from it, the obvious
// gaps to point at before saving, and the programme sent to Rust — which checks everything again
// and has the last word.
import type { LibraryHabit } from "../../api";
import type { Exercise } from "../../api/exercises";
import type { Programme, ProgrammeItem } from "../../api/programmes";

export type ItemKind = ProgrammeItem["kind"];

export interface DraftItem {
  /** Tells the editor's rows apart while they move; never saved. */
  uid: number;
  /** What the item asked for when it was last saved, and its key then; null until first saved. */
  saved: { key: string; kind: ItemKind; target: string } | null;
  kind: ItemKind;
  exercise: string;
  habit: string;
  prompt: string;
  required: boolean;
}

export interface DraftDay {
  uid: number;
  title: string;
  items: DraftItem[];
}

export interface Draft {
  id: string;
  /** Once the person types an id it stays theirs; until then it follows the title. */
  idEdited: boolean;
  title: string;
  description: string;
  days: DraftDay[];
}

/** What the editor was opened for; an edit keeps the programme's id, a copy gets a new one. */
export type AuthorMode =
  | { kind: "new" }
  | { kind: "edit"; programme: Programme }
  | { kind: "copy"; programme: Programme };

/** Rust's limit on ids and keys. */
export const ID_MAX_CHARS = 60;

let lastUid = 0;
const uid = () => ++lastUid;

/** "Mountain retreat, 2026!" → "mountain-retreat-2026"; at most `max` characters, maybe empty. */
export function kebab(text: string, max = ID_MAX_CHARS): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** The rule Rust applies to ids and keys. */
export function isKebab(id: string): boolean {
  return id.length <= ID_MAX_CHARS && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);
}

/** `base`, or `base-2`, `base-3`… — the first that is not taken, within the length limit. */
export function unique(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = base.slice(0, ID_MAX_CHARS - suffix.length).replace(/-+$/, "") + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

export function newItem(kind: ItemKind = "exercise"): DraftItem {
  return { uid: uid(), saved: null, kind, exercise: "", habit: "", prompt: "", required: true };
}

export function newDay(number: number): DraftDay {
  return { uid: uid(), title: `Day ${number}`, items: [] };
}

function draftItem(item: ProgrammeItem): DraftItem {
  const draft: DraftItem = {
    ...newItem(item.kind),
    required: item.required,
    exercise: item.kind === "exercise" ? item.exercise : "",
    habit: item.kind === "habit" ? item.habit : "",
    prompt: item.kind === "prompt" ? item.prompt : "",
  };
  draft.saved = { key: item.key, kind: item.kind, target: target(draft) };
  return draft;
}

/** The exercise or habit an item points at; a prompt may be reworded and stay the same item. */
function target(item: DraftItem): string {
  return item.kind === "exercise" ? item.exercise : item.kind === "habit" ? item.habit : "";
}

/**
 * An item's saved key while it still asks for the same thing. Progress is recorded under the
 * key, so a participant who did the walk keeps it done after a reword or a move, but not after the
 * walk is swapped for another exercise.
 */
function keptKey(item: DraftItem): string | null {
  const saved = item.saved;
  return saved && saved.kind === item.kind && saved.target === target(item) ? saved.key : null;
}

/** The draft the editor starts from. A copy is titled as one and follows its title for its id. */
export function startDraft(mode: AuthorMode): Draft {
  if (mode.kind === "new") {
    return { id: "", idEdited: false, title: "", description: "", days: [newDay(1)] };
  }
  const p = mode.programme;
  return {
    id: p.id,
    idEdited: mode.kind === "edit",
    title: mode.kind === "copy" ? `${p.title} (copy)` : p.title,
    description: p.description,
    days: p.days.map((d) => ({ uid: uid(), title: d.title, items: d.items.map(draftItem) })),
  };
}

/**
 * The id to save under. One made from the title never lands on another programme's id (saving
 * would replace that programme); one the person typed is theirs, replacing included.
 */
export function draftId(draft: Draft, taken: ReadonlySet<string>): string {
  if (draft.idEdited) return draft.id;
  const made = kebab(draft.title);
  return made === "" ? "" : unique(made, taken);
}

/** One past the version of the programme this id would replace, or 1 for a new id. */
export function versionFor(id: string, programmes: readonly Programme[]): number {
  return (programmes.find((p) => p.id === id)?.version ?? 0) + 1;
}

/** What a new item's key is made from: its exercise or habit, or the prompt's first words. */
function baseKey(item: DraftItem): string {
  const room = ID_MAX_CHARS - 4;
  switch (item.kind) {
    case "assessment":
      return "assessment";
    case "exercise":
      return kebab(item.exercise, room) || "exercise";
    case "habit":
      return kebab(`habit ${item.habit}`, room);
    case "prompt":
      return kebab(`prompt ${item.prompt.trim().split(/\s+/).slice(0, 5).join(" ")}`, room);
  }
}

/**
 * Every item's key, day by day. Saved keys stay while their item asks for the same thing; other
 * items get one made from what they ask for, made unique with a number.
 */
export function itemKeys(days: readonly DraftDay[]): string[][] {
  const kept = days.flatMap((d) => d.items.map(keptKey));
  const taken = new Set(kept.filter((k) => k !== null));
  return days.map((d) =>
    d.items.map((item) => {
      const saved = keptKey(item);
      if (saved !== null) return saved;
      const key = unique(baseKey(item), taken);
      taken.add(key);
      return key;
    }),
  );
}

/** The programme as Rust takes it. */
export function toProgramme(draft: Draft, id: string, version: number): Programme {
  const keys = itemKeys(draft.days);
  return {
    id: id.trim(),
    version,
    title: draft.title.trim(),
    description: draft.description.trim(),
    days: draft.days.map((day, d) => ({
      title: day.title.trim(),
      items: day.items.map((item, i): ProgrammeItem => {
        const common = { key: keys[d]?.[i] ?? "", required: item.required };
        switch (item.kind) {
          case "assessment":
            return { ...common, kind: "assessment" };
          case "exercise":
            return { ...common, kind: "exercise", exercise: item.exercise };
          case "habit":
            return { ...common, kind: "habit", habit: item.habit };
          case "prompt":
            return { ...common, kind: "prompt", prompt: item.prompt.trim() };
        }
      }),
    })),
  };
}

/** The element ids of the editor's fields; a problem names the field it belongs next to. */
export const fields = {
  title: "author-title",
  id: "author-id",
  description: "author-description",
  addDay: "author-add-day",
  day: (d: number) => `author-day-${d + 1}`,
  dayTitle: (d: number) => `author-day-${d + 1}-title`,
  addItem: (d: number) => `author-day-${d + 1}-add-item`,
  item: (d: number, i: number) => `author-day-${d + 1}-item-${i + 1}`,
};

/** A day, or an item of a day, in the editor: its place in its list, and asking to move or remove it. */
export interface InList {
  /** Its place, from 0, and how many there are. */
  index: number;
  count: number;
  onmove: (to: number) => void;
  onremove: () => void;
}

/**
 * What every day and item of the editor is given: the problems marked now, by field id, and the
 * exercises and habits an item can name.
 */
export interface EditorContext {
  shown: Record<string, string>;
  exercises: Exercise[];
  habits: LibraryHabit[];
}

export interface Problem {
  /** The id of the control the message belongs to, and the one to focus. */
  field: string;
  message: string;
}

/**
 * The gaps anyone can see before saving, in the order they appear on screen. Rust checks the
 * rest (and these again): a programme is only what Rust accepts.
 */
export function problems(draft: Draft, id: string): Problem[] {
  const found: Problem[] = [];
  const add = (field: string, message: string) => found.push({ field, message });
  if (draft.title.trim() === "") add(fields.title, "Give the programme a title.");
  // An id made from an empty title is empty too; asking for the title is enough then.
  const untitled = !draft.idEdited && draft.title.trim() === "";
  if (id.trim() === "" && !untitled) add(fields.id, "Give the programme an id, e.g. “mountain-retreat”.");
  if (id.trim() !== "" && !isKebab(id.trim()))
    add(fields.id, `Use lowercase letters and digits joined by single hyphens, at most ${ID_MAX_CHARS} characters, e.g. “mountain-retreat”.`);
  if (draft.description.trim() === "")
    add(fields.description, "Add a few words for participants: what the programme is for and how to follow it.");
  if (draft.days.length === 0) add(fields.addDay, "Add at least one day.");
  draft.days.forEach((day, d) => {
    if (day.title.trim() === "") add(fields.dayTitle(d), `Give day ${d + 1} a title.`);
    if (day.items.length === 0) add(fields.addItem(d), `Day ${d + 1} has nothing in it yet; add at least one item.`);
    day.items.forEach((item, i) => {
      const at = fields.item(d, i);
      if (item.kind === "exercise" && item.exercise === "") add(`${at}-exercise`, "Choose an exercise.");
      if (item.kind === "habit" && item.habit === "") add(`${at}-habit`, "Choose a habit.");
      if (item.kind === "prompt" && item.prompt.trim() === "") add(`${at}-prompt`, "Write the prompt.");
    });
  });
  return found;
}

/** A copy of `list` with the entry at `from` moved to `to`; unchanged if either is out of range. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || to < 0 || from >= list.length || to >= list.length) return copy;
  const [moved] = copy.splice(from, 1) as [T];
  copy.splice(to, 0, moved);
  return copy;
}

/** Whether a field is marked as having a problem, for aria-invalid. */
export function invalid(shown: Readonly<Record<string, string>>, field: string): "true" | undefined {
  return shown[field] ? "true" : undefined;
}

/** The ids that describe a field: its problem if it has one, then its hint if it has one. */
export function describedBy(shown: Readonly<Record<string, string>>, field: string, hint?: string): string | undefined {
  const ids = [shown[field] ? `${field}-error` : undefined, hint].filter((id) => id !== undefined);
  return ids.length > 0 ? ids.join(" ") : undefined;
}
