// Habits in the real app: one added from the library and one written by hand, today's check-in
// with a note, a week back-filled with a skipped day, the streak, strength, heatmap and
// explanation, reminders, a Loop Habit Tracker import, the progress charts and the settings.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expectAccessible, localDay, openApp, ownDataDir, rawInvoke, screenshot, waitPressed } from "./support.js";

const here = path.dirname(fileURLToPath(import.meta.url));
// The shared fixtures sit beside the repository, here and in CI.
const loopBackup = path.resolve(here, "../../../../shared/fixtures/loop-habit-tracker/loop-schema12.db");

// A data folder of its own, like the assessment spec: this spec starts with no habits.
const dataDir = ownDataDir("habits-data");


const greeting = () => $("h1*=Good ");

async function arriveHome() {
  const welcome = $("h1=Welcome to Leadback");
  await browser.waitUntil(async () => (await welcome.isExisting()) || (await greeting().isExisting()), {
    timeoutMsg: "neither onboarding nor home appeared",
  });
  if (await welcome.isExisting()) {
    await $("#name").setValue("Lin");
    await $("button=Continue").click();
  }
  await greeting().waitForDisplayed();
}

async function scrollTo(selector) {
  const el = await $(selector);
  await el.waitForExist();
  await browser.execute((node) => node.scrollIntoView({ block: "start", behavior: "instant" }), el);
}

async function expectPainted(canvasSelector) {
  const canvas = $(canvasSelector);
  await canvas.waitForDisplayed();
  await browser.waitUntil(
    async () =>
      (await browser.execute((el) => {
        const { data } = el.getContext("2d").getImageData(0, 0, el.width, el.height);
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
        return count;
      }, await canvas)) > 1000,
    { timeoutMsg: `${canvasSelector} was not painted` },
  );
}

/** The home screen's row for a habit, found by its name. */
const row = (name) => $(`//li[.//button[normalize-space()="${name}"]]`);
const nav = (name) => $("nav").$(`button=${name}`);

describe("habits", function () {
  this.timeout(300_000);

  before(async () => {
    await openApp(dataDir);
    await arriveHome();
  });

  it("invites a first habit, then adds one from the library", async () => {
    await expect($("h2=Practise a little every day")).toBeDisplayed();
    await $("button=Choose habits").click();
    await $("h1=Add a habit").waitForDisplayed();
    await $("h2*=Leading from behind").waitForDisplayed();
    const source = $("summary*=Where this comes from");
    await source.click();
    await screenshot("30-library");
    await expectAccessible("habit library");
    await $("button[data-library-id='let-others-go-first']").click();
    await $("button[data-library-id='let-others-go-first']").waitForExist({ reverse: true });
    await expect($("span=Added ✓")).toBeDisplayed();
  });

  it("writes a habit of its own, with Rust's reason when something is missing", async () => {
    await $("button=Write your own").click();
    await $("#habit-name").waitForDisplayed();
    await $("button=Add this habit").click();
    await expect($("#habit-form-error")).toBeDisplayed();
    await expect($("#habit-name")).toHaveAttribute("aria-invalid", "true");
    await browser.execute(() => document.querySelector("#habit-form-error").scrollIntoView({ block: "center", behavior: "instant" }));
    await screenshot("31-own-habit-form-error");
    await expectAccessible("own-habit form with an error");
    await $("#habit-name").setValue("Ask a question before telling a story");
    await $("label*=Servant").click();
    await $("label*=times a week").$("input[type='radio']").click();
    await $("input[aria-label='Times a week']").setValue("3");
    await screenshot("32-own-habit-form");
    await $("button=Add this habit").click();
    await $("h1=Ask a question before telling a story").waitForDisplayed();
    await expect($("p*=3 times a week")).toBeDisplayed();
  });

  it("checks in today with one click and a note, and records energy", async () => {
    await nav("Home").click();
    const habit = row("Let someone else go first");
    await habit.waitForDisplayed();
    const done = habit.$("button=Done");
    await done.click();
    await waitPressed(done);
    const note = habit.$("input[type='text']");
    await note.waitForDisplayed();
    await note.setValue("Mia ran the planning meeting; I listened.");
    await browser.keys(["Enter"]);
    await habit.$("span=Saved").waitForDisplayed();
    const four = $("//button[.//span[normalize-space()='Good']]");
    await four.click();
    await waitPressed(four);
    await screenshot("33-home-habits");
    await expectAccessible("home with habits");
    await scrollTo("h2=How is your energy today?");
    await screenshot("33-home-energy");
    const saved = await rawInvoke("get_habits", { includeArchived: false });
    const first = saved.value.find((o) => o.habit.name === "Let someone else go first");
    expect(first.today).toBe("done");
  });

  it("back-fills a week, skips a day, and shows streak, strength, heatmap and explanation", async () => {
    await row("Let someone else go first").$("button=Let someone else go first").click();
    await $("h1=Let someone else go first").waitForDisplayed();
    await scrollTo("h2=Fill in your days");
    for (let offset = -7; offset <= -1; offset++) {
      const day = await localDay(offset);
      await $(`button[data-day='${day}']`).click();
      const state = offset === -3 ? "Not today" : "Done";
      const button = $("section[aria-labelledby='day-title']").$(`button=${state}`);
      await button.click();
      await waitPressed(button);
    }
    const skipped = await localDay(-3);
    await browser.waitUntil(async () => (await $(`button[data-day='${skipped}']`).getAttribute("class")).includes("skipped"));
    await screenshot("34-habit-backfill");
    await expectAccessible("habit back-fill");

    // Eight days in a row, one of them "not today": seven kept, and the skip doesn't break it.
    await scrollTo("h1=Let someone else go first");
    const streak = $("//dt[normalize-space()='Current streak']/following-sibling::dd[1]");
    await browser.waitUntil(async () => (await streak.getText()) === "7 days", {
      timeoutMsg: "the streak did not reach 7 days",
    });
    const strength = await $("//dt[normalize-space()='Strength']/following-sibling::dd[1]").getText();
    expect(strength).toMatch(/^[1-9]\d?%$/);
    await expect($("p*=closes about 5% of the gap to full strength")).toBeDisplayed();
    await expect($(`p*=You're at ${strength} now`)).toBeDisplayed();
    await screenshot("35-habit-detail");
    await expectAccessible("habit detail");

    await scrollTo("h2=The last six months");
    await expectPainted("canvas[aria-label^='Calendar of check-ins']");
    await expectPainted("canvas[aria-label^='Line chart of strength']");
    await screenshot("36-habit-charts");
  });

  it("sets a reminder", async () => {
    await scrollTo("h2=Reminders");
    await $("button=Add a reminder").click();
    await $("input[type='time']").setValue("20:30");
    await $("button[title='Saturday']").click();
    await $("button=Save reminders").click();
    await $("span=Saved").waitForDisplayed();
    await expect($("p*=Saved: 20:30")).toBeDisplayed();
    await screenshot("37-habit-reminders");
    await expectAccessible("habit reminders");
  });

  it("imports a Loop Habit Tracker backup and lists its habits", async () => {
    expect(fs.existsSync(loopBackup)).toBe(true);
    // The native file dialog is out of WebDriver's reach: call the command it would lead to.
    const first = await rawInvoke("import_loop", { path: loopBackup });
    expect(first.ok).toBe(true);
    expect(first.value.habits_added).toBeGreaterThan(0);
    const again = await rawInvoke("import_loop", { path: loopBackup });
    expect(again.value.habits_added).toBe(0);
    expect(again.value.check_ins_added).toBe(0);

    await nav("Habits").click();
    await $("h1=Your habits").waitForDisplayed();
    await expect($("button=Wake up early")).toBeDisplayed();
    await screenshot("38-habits");
    await expectAccessible("habits list");

    await $("button*=Archive").click();
    const toast = $(".toast.open");
    await toast.waitForDisplayed();
    await expect(toast).toHaveText(expect.stringContaining("is archived"));
    await screenshot("39-habits-archived");
    await toast.$("button=Undo").click();
    await toast.waitForExist({ reverse: true });
  });

  it("shows practice next to the assessment and energy over time", async () => {
    await nav("Progress").click();
    await $("h1=Your progress").waitForDisplayed();
    await expectPainted("canvas[aria-label^='Line chart of practice strength']");
    await expectPainted("canvas[aria-label^='Line chart of daily energy']");
    await screenshot("40-progress");
    await expectAccessible("progress");
    await scrollTo("h2=Energy and practice");
    await screenshot("40-progress-energy");
  });

  it("starts at login only when asked", async () => {
    await $("header").$("button=Settings").click();
    await $("h1=Settings").waitForDisplayed();
    const box = $("input[type='checkbox']");
    await browser.waitUntil(async () => await box.isEnabled());
    await expect(box).not.toBeSelected();
    await screenshot("41-settings");
    await expectAccessible("settings");
    await box.click();
    await browser.waitUntil(async () => (await rawInvoke("get_start_at_login", {})).value === true);
    // The desktop's autostart entry starts the app hidden, in the tray.
    const entries = autostartEntries();
    expect(entries).toHaveLength(1);
    const entry = fs.readFileSync(entries[0], "utf8");
    expect(entry).toContain("[Desktop Entry]");
    expect(entry).toMatch(/^Exec=.*leadback-app.* --hidden$/m);
    await box.click();
    await browser.waitUntil(async () => (await rawInvoke("get_start_at_login", {})).value === false);
    expect(autostartEntries()).toHaveLength(0);
  });
});

/** The autostart entries in the run's own home (see wdio.conf.js). */
function autostartEntries() {
  const folder = path.join(process.env.LEADBACK_E2E_DIR, "home", ".config", "autostart");
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".desktop"))
    .map((name) => path.join(folder, name));
}
