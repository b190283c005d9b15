import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust } from "../assessment/fixtures";
import { habitRecord } from "./fixtures";
import HabitForm from "./HabitForm.svelte";

const listening = habitRecord({
  id: 4,
  library_id: null,
  name: "Minutes of listening before speaking",
  stance: "servant",
  why: null,
  schedule: { times: 1, days: 7 },
  measure: { unit: "minutes", target: 20, at_most: false },
});

describe("a habit that counts an amount", () => {
  it("is added with its unit, target, period and bound", async () => {
    const onsaved = vi.fn();
    const calls = fakeRust({ add_own_habit: () => listening });
    render(HabitForm, { onsaved });
    await userEvent.type(screen.getByLabelText("Name"), "Meetings opened with my own plan");
    const yesNo = screen.getByRole("radio", { name: /^Yes or no/ }) as HTMLInputElement;
    expect(yesNo.checked).toBe(true);
    expect(screen.queryByLabelText("Target amount")).toBeNull();

    await userEvent.click(screen.getByRole("radio", { name: /^An amount/ }));
    expect((screen.getByRole("radio", { name: /^An amount/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole("spinbutton", { name: "Times a week" })).toBeNull();

    await userEvent.type(screen.getByLabelText(/^Unit/), "meetings");
    await userEvent.click(screen.getByRole("radio", { name: /^At most/ }));
    await userEvent.type(screen.getByLabelText("Target amount"), "2");
    expect((screen.getByRole("combobox", { name: "Per day, week or month" }) as HTMLSelectElement).value).toBe("7");
    await userEvent.click(screen.getByRole("button", { name: "Add this habit" }));

    expect(calls).toContainEqual([
      "add_own_habit",
      {
        habit: {
          name: "Meetings opened with my own plan",
          stance: null,
          why: null,
          times: 1,
          days: 7,
          measure: { unit: "meetings", target: 2, at_most: true },
        },
      },
    ]);
    await expect.poll(() => onsaved.mock.calls.length).toBe(1);
  });

  it("counts per day or per month, with no unit for a plain count", async () => {
    const calls = fakeRust({ add_own_habit: () => listening });
    render(HabitForm, { onsaved: () => {} });
    await userEvent.type(screen.getByLabelText("Name"), "Questions asked first");
    await userEvent.click(screen.getByRole("radio", { name: /^An amount/ }));
    await userEvent.type(screen.getByLabelText("Target amount"), "2.5");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Per day, week or month" }), "a month");
    await userEvent.click(screen.getByRole("button", { name: "Add this habit" }));
    expect(calls).toContainEqual([
      "add_own_habit",
      { habit: { name: "Questions asked first", stance: null, why: null, times: 1, days: 30, measure: { unit: "", target: 2.5, at_most: false } } },
    ]);
  });

  it("refuses a missing or negative target without asking Rust", async () => {
    const calls = fakeRust({ add_own_habit: () => listening });
    render(HabitForm, { onsaved: () => {} });
    await userEvent.type(screen.getByLabelText("Name"), "Listen first");
    await userEvent.click(screen.getByRole("radio", { name: /^An amount/ }));
    await userEvent.click(screen.getByRole("button", { name: "Add this habit" }));
    expect((await screen.findByRole("alert")).textContent).toContain("The target is missing");
    const target = screen.getByLabelText("Target amount");
    expect(target.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBeNull();
    await userEvent.type(target, "-5");
    await userEvent.click(screen.getByRole("button", { name: "Add this habit" }));
    expect(screen.getByRole("alert").textContent).toContain("The target can't be negative");
    expect(calls.some(([c]) => c === "add_own_habit")).toBe(false);
  });

  it("edits a measurable habit's target and period, its kind fixed and saying why", async () => {
    const calls = fakeRust({ update_habit: () => listening });
    render(HabitForm, { habit: listening, onsaved: () => {} });
    const amount = screen.getByRole("radio", { name: /^An amount/ }) as HTMLInputElement;
    expect(amount.checked).toBe(true);
    expect(amount.disabled).toBe(true);
    expect((screen.getByRole("radio", { name: /^Yes or no/ }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole("group", { name: "What do you record?" }).getAttribute("aria-describedby")).toBe("habit-kind-hint");
    expect(screen.getByText(/stays yes-or-no or an amount once it is added/)).toBeTruthy();
    expect((screen.getByLabelText(/^Unit/) as HTMLInputElement).value).toBe("minutes");
    const target = screen.getByLabelText("Target amount") as HTMLInputElement;
    expect(target.value).toBe("20");

    await userEvent.clear(target);
    await userEvent.type(target, "30");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Per day, week or month" }), "a day");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(calls).toContainEqual([
      "update_habit",
      {
        habitId: 4,
        habit: {
          name: "Minutes of listening before speaking",
          stance: "servant",
          why: null,
          times: 1,
          days: 1,
          measure: { unit: "minutes", target: 30, at_most: false },
        },
      },
    ]);
  });

  it("still sends a yes/no habit's schedule, with no measure", async () => {
    const calls = fakeRust({ update_habit: () => habitRecord() });
    render(HabitForm, { habit: habitRecord({ schedule: { times: 3, days: 7 } }), onsaved: () => {} });
    expect(screen.queryByLabelText("Target amount")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(calls).toContainEqual([
      "update_habit",
      { habitId: 1, habit: { name: "Let someone else go first", stance: "behind", why: "They set the pace.", times: 3, days: 7, measure: null } },
    ]);
  });
});
