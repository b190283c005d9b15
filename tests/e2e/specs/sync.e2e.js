// Sync between two computers in the real app: two data folders (two "computers") and one folder
// their sync tool would keep in step. The app runs one instance at a time here (tauri-driver drives
// one session, and a second instance of the same app would be handed to the first by the
// single-instance plugin), so the computers take turns, as a person with a USB stick would:
// A starts a group and the test reads the pairing code from the screen; B joins with it; a habit
// added on A reaches B at B's "Sync now"; B is renamed and A lists the new name; both write the
// day's note while the folder is away, and the losing note stays in both journals; B removes A
// after a confirmation, and lists it again once A syncs. Settings -> Sync is photographed in light
// and dark mode before, with the code, in a group of two, and with a problem.
import fs from "node:fs";
import {
  expectAccessible,
  navigate,
  onboard,
  openApp,
  ownDataDir,
  rawInvoke,
  screenshot,
  shows,
  waitPressed,
} from "./support.js";

const computerA = ownDataDir("sync-a");
const computerB = ownDataDir("sync-b");
const syncFolder = ownDataDir("sync-folder");
const HABIT = "Let someone else go first";
const A_NOTE = "Ada on the laptop: Tom ran the stand-up and I only asked one question.";
const B_NOTE = "Ada at home: waited for Mia to finish before adding anything.";
/** The pairing code as A's screen showed it. */
let pairingCode = "";

/**
 * Turns on (or off) the app's own dark-mode rules, as when the system asks for dark mode. They are
 * copied through the CSS object model: the app's content-security policy refuses a <style> element.
 */
async function darkMode(on) {
  const found = await browser.execute((wanted) => {
    const sheets = [...document.styleSheets];
    const last = sheets[sheets.length - 1];
    const added = window.__e2eDark ?? 0;
    for (let i = 0; i < added; i++) last.deleteRule(last.cssRules.length - 1);
    window.__e2eDark = 0;
    if (!wanted) return 0;
    const rules = [];
    for (const sheet of sheets) {
      for (const rule of sheet.cssRules) {
        if (rule.media && /prefers-color-scheme:\s*dark/.test(rule.media.mediaText)) {
          for (const inner of rule.cssRules) rules.push(inner.cssText);
        }
      }
    }
    for (const rule of [...rules, ":root { color-scheme: dark; }"]) last.insertRule(rule, last.cssRules.length);
    window.__e2eDark = rules.length + 1;
    return getComputedStyle(document.documentElement).getPropertyValue("--bg").trim();
  }, on);
  if (on) expect(found).toBe("#161a18");
}

/** Photographs Settings -> Sync in light and dark mode, and checks it with axe in both. */
async function photograph(name) {
  await browser.execute(() => document.getElementById("sync").scrollIntoView({ block: "start", behavior: "instant" }));
  await screenshot(`${name}-light`);
  await expectAccessible(`${name} (light)`);
  await darkMode(true);
  await screenshot(`${name}-dark`);
  await expectAccessible(`${name} (dark)`);
  await darkMode(false);
}

async function openSyncSettings() {
  await $("header").$("button=Settings").click();
  await $("h2=Sync with your other computers").waitForDisplayed();
}

/** Marks today done for the habit on Home and writes `note` as the day's note. */
async function writeTodaysNote(note) {
  await $("header").waitForDisplayed();
  await navigate("Home");
  await $("h1*=Ada").waitForDisplayed();
  const habit = $(`//li[.//button[normalize-space()="${HABIT}"]]`);
  await habit.waitForDisplayed();
  const done = habit.$("button=Done");
  if ((await done.getAttribute("aria-pressed")) !== "true") {
    await done.click();
    await waitPressed(done);
  }
  await habit.$("input[type='text']").setValue(note);
  await browser.keys(["Enter"]);
  await habit.$("span=Saved").waitForDisplayed();
}

/** Opens the app on `computer` and syncs it from Settings -> Sync. */
async function syncOn(computer) {
  await openApp(computer);
  await $("h1*=Ada").waitForDisplayed();
  await openSyncSettings();
  await syncNow();
  await $('[role="status"]*=Synced:').waitForDisplayed();
}

/** Today's note for the habit, as the app holds it. */
async function todaysNote() {
  const habits = await rawInvoke("get_habits", { includeArchived: false });
  return habits.value.find((o) => o.habit.name === HABIT).today_note;
}

async function syncNow() {
  await $("button=Sync now").click();
  const button = $("button=Sync now");
  await browser.waitUntil(async () => (await button.isExisting()) && (await button.isEnabled()), {
    timeout: 30_000,
    timeoutMsg: "the sync never finished",
  });
}

describe("sync between two computers", function () {
  this.timeout(300_000);

  it("starts a group on A and shows its pairing code", async () => {
    await openApp(computerA);
    await onboard("Ada");
    await openSyncSettings();
    await $("button=Start syncing in a folder…").waitForDisplayed();
    await photograph("90-sync-before");

    await $("button=Start syncing in a folder…").click();
    await $("#sync-folder").setValue(syncFolder);
    await $("button=Start syncing").click();
    await $("#pairing-code").waitForDisplayed({ timeout: 30_000 });
    expect(await $("#pairing-code").getText()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await photograph("91-sync-code");
    pairingCode = await $("#pairing-code").getText();
  });

  it("joins on B with the code typed without dashes", async () => {
    const code = pairingCode.replaceAll("-", "").toLowerCase();
    await openApp(computerB);
    await onboard("Ada");
    await openSyncSettings();
    await $("button=Join with a pairing code…").click();
    await $("#sync-folder").setValue(syncFolder);
    await $("#sync-code-input").setValue(code);
    await $("button=Join").click();
    await $('[role="status"]*=Joined.').waitForDisplayed({ timeout: 60_000 });
    const devices = await $("#sync-devices").$$("li");
    expect(devices.length).toBe(2);
    expect(await $("#sync-devices").getText()).toContain("this computer");
  });

  it("sends a habit added on A at its Sync now", async () => {
    await openApp(computerA);
    await $("h1*=Ada").waitForDisplayed();
    await $("button=Choose habits").click();
    await $("h1=Add a habit").waitForDisplayed();
    await $("button[data-library-id='let-others-go-first']").click();
    await $("button[data-library-id='let-others-go-first']").waitForExist({ reverse: true });
    await openSyncSettings();
    await syncNow();
    await $('[role="status"]*=Synced:').waitForDisplayed();
    expect(await $("#sync-unsent").getText()).toBe("Everything changed here is in the sync folder.");
  });

  it("brings it to B at B's Sync now, with both computers listed", async () => {
    await openApp(computerB);
    await $("h1*=Ada").waitForDisplayed();
    await openSyncSettings();
    await syncNow();
    await $('[role="status"]*=Synced:').waitForDisplayed();
    expect(await $("#sync-devices").getText()).toContain("last synced");
    await photograph("92-sync-group");
    await navigate("Home");
    await shows(HABIT);
  });

  it("renames B from its row with the keyboard, and A lists the new name", async () => {
    await openSyncSettings();
    await $("button[aria-label='Rename this computer']").click();
    const field = $("#sync-rename");
    await field.waitForDisplayed();
    await field.clearValue();
    await field.setValue("Home desktop");
    await browser.keys("Enter");
    await $('[role="status"]*=This computer is now “Home desktop”').waitForDisplayed();
    expect(await $("#sync-devices").getText()).toContain("Home desktop");
    await photograph("94-sync-renamed");

    await openApp(computerA);
    await $("h1*=Ada").waitForDisplayed();
    await openSyncSettings();
    await browser.waitUntil(async () => (await $("#sync-devices").getText()).includes("Home desktop"), {
      timeout: 10_000,
      timeoutMsg: "A never listed B's new name",
    });
  });

  it("keeps the note that lost a conflict in the journal of both computers", async () => {
    // Both computers write today's note for the habit while the folder is out of reach (a stick
    // left at the office): neither can see the other's before both are written.
    const away = `${syncFolder}-away`;
    fs.renameSync(syncFolder, away);
    try {
      await writeTodaysNote(A_NOTE);
      await openApp(computerB);
      await writeTodaysNote(B_NOTE);
    } finally {
      fs.renameSync(away, syncFolder);
    }
    await openSyncSettings();
    await syncNow();
    await $('[role="status"]*=Synced:').waitForDisplayed();

    // A sends its note and receives B's, written later: B's note is the day's note, and A's own
    // words stay in its journal, saying where and when they were written.
    await syncOn(computerA);
    expect(await todaysNote()).toBe(B_NOTE);
    await navigate("Journal");
    await shows(A_NOTE);
    await shows("Kept from a sync conflict: a check-in note written on");
    await $("p*=Kept from a sync conflict").scrollIntoView({ block: "center" });
    await screenshot("95-sync-conflict-copy");

    // B, whose note won, receives A's and keeps the same copy: no note is lost on either.
    await syncOn(computerB);
    expect(await todaysNote()).toBe(B_NOTE);
    await navigate("Journal");
    await shows(A_NOTE);
    await shows(B_NOTE);
    const journal = await rawInvoke("get_journal", {});
    expect(journal.ok).toBe(true);
    const copies = journal.value.filter((entry) => JSON.stringify(entry).includes("Kept from a sync conflict"));
    expect(copies.length).toBe(1);
  });

  it("shows a missing folder as a problem in Settings -> Sync, and nowhere else", async () => {
    const moved = `${syncFolder}-moved`;
    fs.renameSync(syncFolder, moved);
    try {
      await openSyncSettings();
      await syncNow();
      await $("#sync-problems").waitForDisplayed();
      expect(await $("#sync-problems").getText()).toContain("The last sync did not run. The sync folder is not there");
      expect(await $('[role="alert"]').isExisting()).toBe(false);
      await photograph("93-sync-problem");
      await navigate("Home");
      await shows(HABIT);
      expect(await $('[role="alert"]').isExisting()).toBe(false);
    } finally {
      fs.renameSync(moved, syncFolder);
    }
  });

  it("removes the other computer after a confirmation, and lists it again once it syncs", async () => {
    // On B: A is taken off the list, as for a laptop that was lost.
    await openSyncSettings();
    await syncNow();
    await $("button=Remove…").click();
    const dialog = $('[role="alertdialog"]');
    await dialog.waitForDisplayed();
    expect(await dialog.getText()).toContain("will not sync again");
    await screenshot("94-sync-remove");
    await expectAccessible("94-sync-remove");
    await dialog.$("button=Remove it").click();
    await $('[role="status"]*=is no longer listed').waitForDisplayed();
    expect((await $("#sync-devices").$$("li")).length).toBe(1);

    // A was not lost after all: once it syncs, B lists it again.
    await syncOn(computerA);
    await syncOn(computerB);
    await browser.waitUntil(async () => (await $("#sync-devices").$$("li")).length === 2, {
      timeout: 10_000,
      timeoutMsg: "B never listed A again",
    });
  });
});
