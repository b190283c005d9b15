import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import Home from "./Home.svelte";
import { greeting } from "./greeting";

const me = { id: 1, kind: "me" as const, name: "Ada", created_at: "", updated_at: "" };

describe("home", () => {
  it("greets the person by name for the time of day", () => {
    render(Home, { me, now: new Date(2026, 10, 22, 8, 0) });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Good morning, Ada");
  });

  it("invites a newcomer to take the assessment", () => {
    render(Home, { me });
    expect(screen.getByText(/haven't taken the assessment yet/)).toBeTruthy();
  });

  it("changes the greeting at the edges of the day", () => {
    expect(greeting("Ada", 4)).toBe("Good evening, Ada");
    expect(greeting("Ada", 5)).toBe("Good morning, Ada");
    expect(greeting("Ada", 12)).toBe("Good afternoon, Ada");
    expect(greeting("Ada", 18)).toBe("Good evening, Ada");
  });
});
