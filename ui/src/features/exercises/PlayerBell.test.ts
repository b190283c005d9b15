// The player with the real bell, in a DOM with no Web Audio, as a web view without sound would be.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeRust, pause, run } from "./fixtures";
import Player from "./Player.svelte";

describe("the exercise player's bell", () => {
  it("says once, in the player, that the bell can't play, and why", async () => {
    fakeRust({ get_exercises: () => [pause], start_exercise: () => run(), get_habits: () => [] });
    render(Player, { exerciseId: "quick-pause" });
    const player = await screen.findByRole("region", { name: "Exercise" });
    await screen.findByRole("button", { name: "Start the timer" });
    expect(player.dataset["bell"]).toBe("off");
    expect(screen.queryByText(/The bell can't play/)).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Start the timer" }));
    const notice = await screen.findByText(/The bell can't play on this computer/);
    expect(notice.textContent).toContain("no sound support (Web Audio)");
    expect(player.dataset["bell"]).toBe("failed");

    await userEvent.click(screen.getByRole("button", { name: "Pause" }));
    await userEvent.click(screen.getByRole("button", { name: "Resume" }));
    expect(screen.getAllByText(/The bell can't play/)).toHaveLength(1);
  });
});
