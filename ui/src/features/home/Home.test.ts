import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { nav } from "../../app/nav.svelte";
import { entry, fakeRust, questionnaire, record } from "../assessment/fixtures";
import Home from "./Home.svelte";
import { greeting } from "./greeting";

const me = { id: 1, kind: "me" as const, name: "Ada", created_at: "", updated_at: "" };

function rust(open: ReturnType<typeof record> | null, history: ReturnType<typeof entry>[]) {
  return fakeRust({
    get_open_assessment: () => open,
    get_assessment_history: () => history,
    get_questionnaire: () => questionnaire,
    discard_assessment: () => null,
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
    expect((await screen.findByRole("heading", { level: 2 })).textContent).toBe("Not enough answers yet");
    const scores = screen.getByRole("list", { name: "Stance scores out of 100" });
    expect(
      Array.from(scores.querySelectorAll("li")).map((li) => li.textContent?.replace(/\s+/g, " ").trim()),
    ).toEqual(["Front Not enough answers", "Behind 40.0", "Servant 55.0"]);
    expect(nav.hasResults).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "See results" }));
    expect(nav.route).toEqual({ name: "results", id: 2 });
  });

  it("changes the greeting at the edges of the day", () => {
    expect(greeting("Ada", 4)).toBe("Good evening, Ada");
    expect(greeting("Ada", 5)).toBe("Good morning, Ada");
    expect(greeting("Ada", 12)).toBe("Good afternoon, Ada");
    expect(greeting("Ada", 18)).toBe("Good evening, Ada");
  });
});
