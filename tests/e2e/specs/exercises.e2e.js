// A guided exercise in the real app: its timer runs out, a reflection is written, finishing checks
// in the linked habit, and the reflection is found in the journal.
import { expectAccessible, onboard, openApp, ownDataDir, rawInvoke, screenshot, shows } from "./support.js";

const dataDir = ownDataDir("exercises-data");


describe("a guided exercise", () => {
  before(async () => {
    await openApp(dataDir);
    await onboard("Noor");
    // The exercise checks in this habit when it is finished.
    await rawInvoke("add_library_habit", { libraryId: "listen-before-speaking" });
  });

  it("lists the exercises by stance", async () => {
    await $("button=Exercises").click();
    await $("h1=Guided exercises").waitForDisplayed();
    await screenshot("50-exercises");
    await expectAccessible("exercise library");
  });

  it("runs the timer to its bell, which sounds, and moves on", async () => {
    await $('button[aria-label="Start A pause before you speak"]').click();
    await $("button=Start the timer").waitForDisplayed();
    await screenshot("51-exercise-step");
    await expectAccessible("exercise step");
    await $("button=Start the timer").click();
    await $("button=Start again").waitForDisplayed({ timeout: 10_000 });

    // Nothing can be heard under Xvfb, but the player shows how far the sound got: decoded, the
    // audio output running, the bell started and played to its end (data-bells-rung counts the
    // sounds that ended; Web Audio ends a sound only while its output is running). The <audio>
    // element this replaced failed here with media error 4 before loading anything.
    const player = $('section[aria-label="Exercise"]');
    await browser.waitUntil(async () => Number(await player.getAttribute("data-bells-rung")) >= 1, {
      timeout: 10_000,
      timeoutMsg: "the bell did not play to its end",
    });
    expect(await player.getAttribute("data-bell")).toBe("ready");
    expect(await $("p*=The bell can't play").isExisting()).toBe(false);
    await $("button*=Next step").click();
  });

  it("keeps a reflection as it is typed", async () => {
    const answer = $("textarea");
    await answer.waitForDisplayed();
    await answer.setValue("What would you try first, Sam?");
    await shows("Saved");
    await screenshot("52-exercise-reflection");
    await expectAccessible("exercise reflection");
    await $("button*=To the end").click();
  });

  it("finishes and checks in the linked habit with the reflection as its note", async () => {
    const finish = $("button=Finish the exercise");
    await finish.waitForDisplayed();
    const box = $('input[type="checkbox"]');
    if (!(await box.isSelected())) await box.click();
    await screenshot("53-exercise-finish");
    await finish.click();
    await browser.waitUntil(async () => {
      const habits = await rawInvoke("get_habits", { includeArchived: false });
      return habits.ok && habits.value[0]?.today === "done";
    }, { timeoutMsg: "the linked habit was not checked in" });
    const habits = await rawInvoke("get_habits", { includeArchived: false });
    expect(habits.value[0].today_note).toBe("What would you try first, Sam?");
  });

  it("shows the reflection in the journal and finds it by search", async () => {
    await $("button=Journal").click();
    await shows("What would you try first, Sam?");
    const search = $('input[type="search"]');
    await search.setValue("Sam");
    await shows("What would you try first, Sam?");
    await screenshot("54-journal");
    await expectAccessible("journal");
  });
});
