import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import DayItems from "./DayItems.svelte";
import { retreat } from "./fixtures";
import Outline from "./Outline.svelte";

const names = { exercises: new Map<string, string>(), habits: new Map<string, string>() };
const day1 = retreat.days[0]?.items ?? [];

describe("a programme's optional items", () => {
  it("are marked “(optional)” after a space (one that never breaks), in the outline and the day's list", () => {
    const outline = render(Outline, { programme: retreat, names });
    expect(outline.container.textContent).toMatch(/Reflect: Who stepped up today\?\u00a0\(optional\)/);
    outline.unmount();

    const noop = () => {};
    const day = render(DayItems, {
      items: day1,
      states: {},
      names,
      busy: false,
      ontick: noop,
      onstart: noop,
      onassessment: undefined,
      onhabit: noop,
      onprompt: () => Promise.resolve(true),
    });
    expect(day.container.textContent).toMatch(/Reflect: Who stepped up today\?\u00a0\(optional\)/);
  });
});
