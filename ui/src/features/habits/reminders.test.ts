import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeRust } from "../assessment/fixtures";
import Reminders from "./Reminders.svelte";
import { daysToMask, describeMask, maskToDays, shortTime } from "./reminders";

describe("the weekday mask", () => {
  it("maps bit 0 to Monday and bit 6 to Sunday, both ways", () => {
    expect(maskToDays(0b1000001)).toEqual([true, false, false, false, false, false, true]);
    expect(daysToMask([true, false, true, false, true, false, false])).toBe(0b0010101);
    for (let mask = 0; mask < 128; mask++) expect(daysToMask(maskToDays(mask))).toBe(mask);
  });

  it("describes common sets in words", () => {
    expect(describeMask(127)).toBe("every day");
    expect(describeMask(0b0011111)).toBe("weekdays");
    expect(describeMask(0b1100000)).toBe("weekends");
    expect(describeMask(0b0010101)).toBe("Mon, Wed, Fri");
    expect(shortTime("08:30:00")).toBe("08:30");
  });
});

describe("the reminders editor", () => {
  it("shows saved weekdays as pressed toggles and saves the changed mask", async () => {
    const calls = fakeRust({
      get_reminders: () => [{ id: 1, habit_id: 4, time: "08:30:00", weekdays: 0b0010101 }],
      set_reminders: (a) =>
        (a["reminders"] as { time: string; weekdays: number }[]).map((r, i) => ({ id: i + 10, habit_id: 4, time: `${r.time}:00`, weekdays: r.weekdays })),
    });
    render(Reminders, { habitId: 4, habitName: "Listen first" });
    const days = await screen.findByRole("group", { name: "Days for reminder 1" });
    const pressed = () =>
      within(days)
        .getAllByRole("button")
        .filter((b) => b.getAttribute("aria-pressed") === "true")
        .map((b) => b.textContent);
    expect(pressed()).toEqual(["Mon", "Wed", "Fri"]);
    expect(screen.getByText(/Saved: 08:30, Mon, Wed, Fri\./)).toBeTruthy();

    await userEvent.click(within(days).getByRole("button", { name: "Sun" }));
    await userEvent.click(within(days).getByRole("button", { name: "Mon" }));
    await userEvent.click(screen.getByRole("button", { name: "Save reminders" }));
    expect(calls).toContainEqual(["set_reminders", { habitId: 4, reminders: [{ time: "08:30", weekdays: 0b1010100 }] }]);
    expect(await screen.findByText("Saved")).toBeTruthy();
    expect(screen.getByText(/Closing the window keeps Leadback running in the tray/)).toBeTruthy();
  });
});
