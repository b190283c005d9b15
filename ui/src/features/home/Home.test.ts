import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { warmUpCharts } from "../../app/chart/chartjs";
import { nav } from "../../app/nav.svelte";
import { plain } from "../../app/said";
import { entry, fakeRust, questionnaire, record } from "../assessment/fixtures";
import Home from "./Home.svelte";
import { greeting } from "./greeting";

// Home gets the chart library ready when it is idle; that is chartjs.test.ts's to check.
vi.mock("../../app/chart/chartjs", () => ({ warmUpCharts: vi.fn(() => Promise.resolve()) }));

const me = { id: 1, kind: "me" as const, name: "Ada", created_at: "", updated_at: "" };

function rust(open: ReturnType<typeof record> | null, history: ReturnType<typeof entry>[]) {
  return fakeRust({
    get_open_assessment: () => open,
    get_assessment_history: () => history,
    get_questionnaire: () => questionnaire,
    discard_assessment: () => null,
    get_habits: () => [],
    get_energy: () => [],
    get_assessment_result: () => ({ result: { suggestions: { habits: [], exercises: [] } } }),
    home_ready: () => null,
  });
}

beforeEach(() => {
  nav.go({ name: "home" });
  nav.hasResults = false;
});

describe("home", () => {
  it("greets the person by name for the time of day", () => {
    rust(null, []);
    render(Home, { me, now: new Date(2026, 10, 22, 8, 0) });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Good morning, Ada");
  });

  it("isolates a right-to-left name in the greeting, so it does not reorder the sentence", () => {
    rust(null, []);
    render(Home, { me: { ...me, name: "نور حداد" }, now: new Date(2026, 10, 22, 20, 0) });
    const heading = screen.getByRole("heading", { level: 1 });
    expect(heading.textContent).toBe("Good evening, نور حداد");
    expect(heading.querySelector("bdi")?.textContent).toBe("نور حداد");
  });

  it("tells Rust once its data is on screen (the start-up benchmark's end mark)", async () => {
    const calls = rust(null, [entry(1, "2026-09-01T10:00:00Z", 80, "Out in front")]);
    render(Home, { me });
    await vi.waitFor(() => expect(calls.map(([c]) => c)).toContain("home_ready"));
    const order = calls.map(([c]) => c);
    expect(order.indexOf("home_ready")).toBeGreaterThan(order.indexOf("get_habits"));
    expect(order.indexOf("home_ready")).toBeGreaterThan(order.indexOf("get_assessment_history"));
    expect(screen.getByRole("heading", { level: 2, name: "Out in front" })).toBeTruthy();
  });

  it("gets the charts ready once it has nothing else to do, after its data is on screen", async () => {
    vi.mocked(warmUpCharts).mockClear();
    const calls = rust(null, []);
    render(Home, { me });
    await vi.waitFor(() => expect(warmUpCharts).toHaveBeenCalledTimes(1));
    expect(calls.map(([c]) => c)).toContain("home_ready");
  });

  it("invites a newcomer to take the assessment", async () => {
    rust(null, []);
    render(Home, { me });
    await userEvent.click(await screen.findByRole("button", { name: "Take the assessment" }));
    expect(screen.getByText(/haven't taken the assessment yet/)).toBeTruthy();
    expect(nav.route).toEqual({ name: "assessment" });
  });

  it("offers to continue an unfinished assessment, and asks before starting over", async () => {
    const calls = rust(record({ id: 9, position: 2 }), []);
    render(Home, { me });
    expect(await screen.findByRole("button", { name: "Continue your assessment — question 3 of 4" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Start over" }));
    expect(calls.some(([c]) => c === "discard_assessment")).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Keep my answers" }));
    await userEvent.click(screen.getByRole("button", { name: "Start over" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete them and start over" }));
    expect(calls).toContainEqual(["discard_assessment", { assessmentId: 9 }]);
    expect(nav.route).toEqual({ name: "assessment" });
  });

  it("sums up the latest result and links to it", async () => {
    rust(null, [entry(1, "2026-09-01T10:00:00Z", 80, "Out in front"), entry(2, "2026-11-01T10:00:00Z", null, "Not enough answers yet")]);
    render(Home, { me });
    expect(await screen.findByRole("heading", { level: 2, name: "Not enough answers yet" })).toBeTruthy();
    const scores = screen.getByRole("list", { name: "Stance scores out of 100" });
    expect(
      Array.from(scores.querySelectorAll("li")).map((li) => li.textContent?.replace(/\s+/g, " ").trim()),
    ).toEqual(["Front Not enough answers", "Behind 40.0", "Servant 55.0"]);
    expect(nav.hasResults).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "See results" }));
    expect(nav.route).toEqual({ name: "results", id: 2 });
  });

  it("invites a first habit and records today's energy", async () => {
    const calls = fakeRust({
      get_open_assessment: () => null,
      get_assessment_history: () => [],
      get_habits: () => [],
      get_energy: () => [{ day: "2026-11-21", level: 2, note: null }],
      set_energy: (a) => ({ day: a["day"], level: a["level"], note: a["note"] }),
    });
    render(Home, { me, now: new Date(2026, 10, 22, 20, 0) });
    expect(await screen.findByRole("heading", { name: "Practise a little every day" })).toBeTruthy();
    const energy = screen.getByRole("group", { name: "How is your energy today?" });
    const four = await within(energy).findByRole("button", { name: "4 Good" });
    await vi.waitFor(() => expect((four as HTMLButtonElement).disabled).toBe(false));
    // Yesterday's entry is not today's.
    expect(within(energy).queryByRole("button", { pressed: true })).toBeNull();
    await userEvent.click(four);
    expect(calls).toContainEqual(["set_energy", { day: "2026-11-22", level: 4, note: null }]);
    await vi.waitFor(() => expect(four.getAttribute("aria-pressed")).toBe("true"));
    await userEvent.type(screen.getByLabelText(/Anything behind it/), "Slept well{Enter}");
    expect(calls).toContainEqual(["set_energy", { day: "2026-11-22", level: 4, note: "Slept well" }]);
    expect(await screen.findByText("Saved")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Choose habits" }));
    expect(nav.route).toEqual({ name: "add-habit" });
  });

  it("changes the greeting at the edges of the day", () => {
    expect(plain(greeting("Ada", 4))).toBe("Good evening, Ada");
    expect(plain(greeting("Ada", 5))).toBe("Good morning, Ada");
    expect(plain(greeting("Ada", 12))).toBe("Good afternoon, Ada");
    expect(plain(greeting("Ada", 18))).toBe("Good evening, Ada");
  });
});
