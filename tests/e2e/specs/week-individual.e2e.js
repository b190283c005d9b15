// An individual's week in the real app, as one person lives it: the first run typed straight into
// the name field, the assessment answered with the keys and closed with Enter, a habit the result
// suggests added, a week of check-ins with notes, the exercise that goes with a habit finished on a
// day its note is already written (the note must survive), and the week read back in the journal.
import { expectAccessible, localDay, openApp, ownDataDir, rawInvoke, screenshot, shows, waitPressed } from "./support.js";

const dataDir = ownDataDir("week-individual");
const NOTE = "Priya finished her point before I said a word.";
const REFLECTION = "I waited three breaths and Sam answered his own question.";

const nav = (name) => $("nav").$(`button=${name}`);
const row = (name) => $(`//li[.//button[normalize-space()="${name}"]]`);
const progress = () => $("#progress-label");

async function todayOf(habitName) {
  const habits = await rawInvoke("get_habits", { includeArchived: false });
  return habits.value.find((o) => o.habit.name === habitName);
}

describe("an individual's week", function () {
  this.timeout(300_000);

  before(async () => {
    await openApp(dataDir);
  });

  it("types a name at once on first run", async () => {
    await $("h1=Welcome to Leadback").waitForDisplayed();
    // No click first: the cursor is already in the name field.
    await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === "name", {
      timeoutMsg: "the name field was not focused",
    });
    await browser.keys([..."Ana", "Enter"]);
    await $("h1*=Ana").waitForDisplayed();
  });

  it("answers the assessment with the keys and opens the results with Enter", async () => {
    await $("button=Take the assessment").click();
    await progress().waitForDisplayed();
    const total = Number((await progress().getText()).match(/of (\d+)/)[1]);
    for (let i = 0; i < total; i++) {
      await browser.waitUntil(async () => (await progress().getText()) === `Question ${i + 1} of ${total}`);
      // 1–3 answer every kind of question (situations have three choices).
      await browser.keys([String((i % 3) + 1)]);
    }
    await $("h1=That's every question").waitForDisplayed();
    await browser.keys(["Enter"]);
    await $("h2=Where you stood").waitForDisplayed();
  });

  it("adds a suggested habit and opens a suggested exercise from the result", async () => {
    const next = $("section[aria-labelledby='next-title']");
    await next.scrollIntoView({ block: "start" });
    const add = next.$("button*=Add this habit");
    await add.click();
    await next.$("span=Added ✓").waitForDisplayed();
    const exercise = next.$("button.link");
    const title = await exercise.getText();
    await screenshot("w1-results-next-steps");
    await exercise.click();
    await $(`p.title=${title}`).waitForDisplayed();
  });

  it("checks in each day of the week with a note", async () => {
    // The habit the pause exercise goes with, from the library.
    const added = await rawInvoke("add_library_habit", { libraryId: "listen-before-speaking" });
    expect(added.ok).toBe(true);
    await nav("Home").click();
    const habit = row("Listen before speaking");
    await habit.waitForDisplayed();
    const done = habit.$("button=Done");
    await done.click();
    await waitPressed(done);
    const note = habit.$("input[type='text']");
    await note.setValue(NOTE);
    await browser.keys(["Enter"]);
    await habit.$("span=Saved").waitForDisplayed();

    // The days before today, from the habit's page.
    await habit.$("button=Listen before speaking").click();
    await $("h1=Listen before speaking").waitForDisplayed();
    for (let offset = -6; offset <= -1; offset++) {
      await $(`button[data-day='${await localDay(offset)}']`).click();
      // "Didn't" once: a partial match, since an apostrophe cannot stand in the exact one.
      const label = offset === -4 ? "button*=Didn" : "button=Done";
      const button = $("section[aria-labelledby='day-title']").$(label);
      await button.click();
      await waitPressed(button);
    }
    await screenshot("w2-habit-week");
    expect((await todayOf("Listen before speaking")).today_note).toBe(NOTE);
  });

  it("finishes the linked exercise and keeps the note written earlier", async () => {
    await nav("Exercises").click();
    await $("h1=Guided exercises").waitForDisplayed();
    await $('button[aria-label="Start A pause before you speak"]').click();
    const answer = $("textarea");
    // On to the reflection with the keys, without waiting for the timer ("→ next").
    for (let i = 0; i < 5 && !(await answer.isExisting()); i++) {
      const step = await $("h1*=Step").getText();
      await browser.keys(["ArrowRight"]);
      await browser.waitUntil(async () => (await answer.isExisting()) || (await $("h1*=Step").getText()) !== step);
    }
    await answer.setValue(REFLECTION);
    await shows("Saved");
    await $("button*=To the end").click();
    await $("button=Finish the exercise").waitForDisplayed();
    await expect($("label*=with your reflection added to its note")).toBeDisplayed();
    await screenshot("w3-exercise-finish");
    await $("button=Finish the exercise").click();
    await browser.waitUntil(async () => (await todayOf("Listen before speaking")).today_note !== NOTE, {
      timeoutMsg: "finishing did not add the reflection",
    });
    // Both, the person's own words first: nothing they wrote was replaced.
    expect((await todayOf("Listen before speaking")).today_note).toBe(`${NOTE}\n\n${REFLECTION}`);
  });

  it("reads the week back in the journal, each note with its habit", async () => {
    await nav("Journal").click();
    await shows(REFLECTION);
    await shows("· Listen before speaking");
    await $('input[type="search"]').setValue("Priya");
    // Only the check-in note has her name; the exercise's own reflection is left out.
    await shows("1 entry found");
    await shows(NOTE);
    await screenshot("w4-journal-week");
    await expectAccessible("the journal after a week");
  });
});
