import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { wholeText } from "../../app/wholeText";
import { fakeRust, pause, run, type Handlers } from "../exercises/fixtures";
import { rowTexts } from "../assessment/fixtures";
import { progress, retreat, summary } from "./fixtures";
import Programmes from "./Programmes.svelte";

vi.mock("../exercises/bell.svelte", () => ({
  bell: { state: { kind: "off" }, rung: 0, prepare: vi.fn(), ring: vi.fn() },
  loadMuted: () => true,
  saveMuted: vi.fn(),
}));

/** The charts drawn, by canvas id, as a stand-in Chart.js receives them. */
const drawn = vi.hoisted(() => new Map<string, { data: { labels?: unknown[]; datasets: { data: unknown[] }[] } }>());
vi.mock("../../app/chart/chartjs", () => ({
  loadChart: () =>
    Promise.resolve(
      class FakeChart {
        static defaults: { font: { family: string } } = { font: { family: "" } };
        ctx = {};
        constructor(canvas: HTMLCanvasElement, config: never) {
          drawn.set(canvas.id, config);
        }
        destroy() {}
      },
    ),
}));

const incoming = { ...retreat, id: "walk-week", title: "A week of walks" };

function rust(extra: Handlers = {}) {
  return fakeRust({
    get_programmes: () => [retreat],
    get_exercises: () => [pause],
    get_habit_library: () => [{ id: "let-others-go-first", name: "Let others go first" }],
    get_programme_progress: () => progress([1, 0], [0, 0], ["assessment-before"]),
    set_programme_item_done: ({ itemKey, done }) =>
      progress(done ? [2, 0] : [0, 0], [0, 0], done ? ["assessment-before", String(itemKey)] : []),
    "plugin:dialog|open": () => "/home/ada/walk-week.json",
    preview_programme_file: () => incoming,
    import_programme_file: () => incoming,
    ...extra,
  });
}

describe("programmes", () => {
  it("shows what a programme file holds before anything is imported", async () => {
    const calls = rust();
    render(Programmes);
    await userEvent.click(await screen.findByRole("button", { name: "Import a programme file…" }));
    expect(await screen.findByRole("heading", { level: 1, name: "A week of walks" })).toBeTruthy();
    expect(screen.getByText("Day 1: Stepping to the back")).toBeTruthy();
    expect(screen.getByText(wholeText("Reflect: Who stepped up today?"))).toBeTruthy();
    expect(screen.getByText("Start the habit “Let others go first”")).toBeTruthy();
    expect(calls).toContainEqual(["preview_programme_file", { path: "/home/ada/walk-week.json" }]);
    expect(calls.map(([c]) => c)).not.toContain("import_programme_file");

    await userEvent.click(screen.getByRole("button", { name: "Import this programme" }));
    await vi.waitFor(() =>
      expect(calls).toContainEqual(["import_programme_file", { path: "/home/ada/walk-week.json" }]),
    );
    await vi.waitFor(() => expect(calls).toContainEqual(["get_programme_progress", { programmeId: "walk-week" }]));
  });

  it("leaves nothing imported when the preview is cancelled", async () => {
    const calls = rust();
    render(Programmes);
    await userEvent.click(await screen.findByRole("button", { name: "Import a programme file…" }));
    await userEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Programmes" })).toBeTruthy();
    expect(calls.map(([c]) => c)).not.toContain("import_programme_file");
  });

  it("opens today's day with its progress, ticks items off and starts an exercise for its item", async () => {
    const calls = rust({ start_exercise: () => run(), get_habits: () => [] });
    const onassessment = vi.fn();
    render(Programmes, { onassessment });
    await userEvent.click(await screen.findByRole("button", { name: `Open ${retreat.title}` }));
    expect(await screen.findByText("Today's programme: day 1 of 2.")).toBeTruthy();
    expect(screen.getByText("1 of 3 done · 0 of 1 optional")).toBeTruthy();

    const walk = screen.getByRole("checkbox", { name: /^Exercise: Walk at the back/ }) as HTMLInputElement;
    expect(walk.checked).toBe(false);
    expect((screen.getByRole("checkbox", { name: /self-assessment/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: /Who stepped up/ }) as HTMLInputElement).checked).toBe(false);
    await userEvent.click(walk);
    await vi.waitFor(() =>
      expect(calls).toContainEqual(["set_programme_item_done", { programmeId: retreat.id, itemKey: "walk", done: true }]),
    );
    await vi.waitFor(() => expect(walk.checked).toBe(true));

    await userEvent.click(screen.getByRole("button", { name: "Take it" }));
    expect(onassessment).toHaveBeenCalledOnce();

    const day2 = screen.getByText("Day 2: Listen first").closest("details") as HTMLElement;
    await userEvent.click(within(day2).getByText("Day 2: Listen first"));
    await userEvent.click(within(day2).getByRole("button", { name: "Start" }));
    await vi.waitFor(() =>
      expect(calls).toContainEqual(["start_exercise", { exerciseId: "quick-pause", programmeItem: "listen" }]),
    );
  });
});

describe("a programme written right to left", () => {
  const arabic = {
    ...retreat,
    title: "ثلاثة أيام في آخر الصف",
    description: "ثلاثة أيام من القيادة من الخلف.",
    days: [
      {
        title: "اليوم الأول: إلى الخلف",
        items: [{ key: "who-stepped-up", required: true, kind: "prompt" as const, prompt: "من تقدّم اليوم؟" }],
      },
      { title: "اليوم الثاني", items: [{ key: "listen", required: true, kind: "exercise" as const, exercise: "quick-pause" }] },
    ],
  };

  it("shows the facilitator's title, description, days and prompts each running its own way", async () => {
    rust({ get_programmes: () => [arabic], get_programme_progress: () => progress([0, 0], [0, 0]) });
    render(Programmes);
    const listed = await screen.findByRole("heading", { level: 2, name: arabic.title });
    expect(listed.getAttribute("dir")).toBe("auto");
    const days = listed.nextElementSibling as HTMLElement;
    expect([...days.querySelectorAll("bdi")].map((b) => b.textContent)).toEqual(["اليوم الأول: إلى الخلف", "اليوم الثاني"]);
    expect(days.textContent).toBe("2 days · اليوم الأول: إلى الخلف · اليوم الثاني");
    await userEvent.click(screen.getByRole("button", { name: `Open ${arabic.title}` }));
    expect((await screen.findByRole("heading", { level: 1, name: arabic.title })).getAttribute("dir")).toBe("auto");
    expect(screen.getByText(arabic.description).getAttribute("dir")).toBe("auto");
    expect(screen.getByText("اليوم الأول: إلى الخلف").getAttribute("dir")).toBe("auto");
    const prompt = screen.getByRole("checkbox", { name: "Reflect: من تقدّم اليوم؟" });
    expect(document.querySelector(`label[for="${prompt.id}"] bdi`)?.textContent).toBe("من تقدّم اليوم؟");
    await userEvent.click(screen.getByRole("button", { name: "Write" }));
    expect(screen.getByLabelText("من تقدّم اليوم؟").getAttribute("dir")).toBe("auto");
  });
});

describe("the cohort view", () => {
  it("imports results files and shows charts and tables, withheld groups labelled and never drawn", async () => {
    const calls = rust({
      get_cohort_summary: () => summary,
      "plugin:dialog|open": () => ["/r/p1.json", "/r/p2.json"],
      import_results: () => 2,
    });
    render(Programmes);
    await userEvent.click(await screen.findByRole("button", { name: "For facilitators: the group's picture" }));
    const table = await screen.findByRole("table", { name: /Before and after, per stance/ });
    expect(rowTexts(table).slice(1)).toEqual([
      "Front 4 72.5 61.3 −11.2 ±4.1",
      "Behind 2 Fewer than 3 — not shown",
      "Servant 3 50.0 58.4 +8.4 ±2.0",
    ]);
    const done = screen.getByRole("table", { name: "Exercises completed" });
    expect(rowTexts(done).slice(1)).toEqual([
      "walk-at-the-back 4 100.0%",
      "A pause before you speak Fewer than 3 — not shown",
    ]);

    expect(screen.getByText(/Groups smaller than 3 are hidden and not drawn/)).toBeTruthy();
    const canvases = screen.getAllByRole("img").map((c) => c.id);
    expect(canvases).toEqual(["cohort-change-chart", "cohort-distribution-front-chart", "cohort-completion-chart"]);
    expect(screen.getByRole("img", { name: /mean change in score per stance/ })).toBeTruthy();
    await vi.waitFor(() => expect(drawn.size).toBe(3));
    expect(drawn.get("cohort-change-chart")?.data.labels).toEqual(["Front", "Servant"]);
    expect(screen.getByText(/Not drawn \(fewer than 3 people with both scores\): Behind\./)).toBeTruthy();
    expect(drawn.get("cohort-completion-chart")?.data.datasets[0]?.data).toEqual([100]);
    expect(screen.getByText("Not drawn: 1 exercise completed by fewer than 3 people.")).toBeTruthy();
    const behind = screen.getByText("Behind: scores before and after").closest("figure") as HTMLElement;
    expect(within(behind).queryByRole("img")).toBeNull();
    expect(within(behind).getByText("Nothing to draw: every score range has fewer than 3 people.")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Import results files…" }));
    expect(await screen.findByText("Imported 2 files.")).toBeTruthy();
    expect(calls).toContainEqual(["import_results", { paths: ["/r/p1.json", "/r/p2.json"] }]);
    expect(calls.filter(([c]) => c === "get_cohort_summary")).toHaveLength(2);
  });
});
