// Keeping data safe in the real app: a backup made and restored from Settings after a
// confirmation, and a damaged data file replaced by the newest good backup at the next start.
import fs from "node:fs";
import path from "node:path";
import { expectAccessible, onboard, openApp, ownDataDir, rawInvoke, screenshot } from "./support.js";

const dataDir = ownDataDir("data-safety");


async function journalTexts() {
  const journal = await rawInvoke("get_journal", { search: null, stance: null, exerciseId: null });
  expect(journal.ok).toBe(true);
  return journal.value.map((entry) => entry.text);
}

describe("backups and recovery", () => {
  before(async () => {
    await openApp(dataDir);
    await onboard("Rosa");
    await rawInvoke("add_journal_note", { day: "2026-11-20", text: "Kept in the backup" });
  });

  it("makes a checked backup from Settings", async () => {
    await $("button=Settings").click();
    await $("h2=Backups").waitForDisplayed();
    await $("button=Back up now").click();
    await $('[role="status"]*=Backed up and checked').waitForDisplayed();
    await $("td=Made by you").waitForDisplayed();
    await screenshot("70-backups");
    await expectAccessible("backups");
  });

  it("restores it only after a confirmation, keeping what was there", async () => {
    await rawInvoke("add_journal_note", { day: "2026-11-21", text: "Written after the backup" });
    expect(await journalTexts()).toContain("Written after the backup");

    const made = await $("td=Made by you").parentElement();
    await made.$("button").click();
    await $("h3*=Restore the copy from").waitForDisplayed();
    await screenshot("71-restore-confirm");
    await expectAccessible("restore confirmation");
    await $("button=Restore this copy").click();
    await $('[role="status"]*=Restored the copy').waitForDisplayed();

    const texts = await journalTexts();
    expect(texts).toContain("Kept in the backup");
    expect(texts).not.toContain("Written after the backup");
    await $("td=Before a restore").waitForDisplayed();
  });

  it("offers the newest good backup when the data file is damaged", async () => {
    await browser.deleteSession();
    const database = path.join(dataDir, "leadback.sqlite3");
    for (const companion of ["-wal", "-shm"]) fs.rmSync(database + companion, { force: true });
    const bytes = fs.readFileSync(database);
    bytes.fill(0x5a, 100);
    fs.writeFileSync(database, bytes);

    await openApp(dataDir);
    await $("h1=Leadback can't open your data").waitForDisplayed();
    await $("button=Restore that copy").waitForDisplayed();
    await screenshot("72-recovery");
    await expectAccessible("recovery");
    await $("button=Restore that copy").click();
    await $("h1*=Rosa").waitForDisplayed();

    const kept = fs.readdirSync(dataDir).filter((name) => name.startsWith("leadback.sqlite3.damaged-"));
    expect(kept.length).toBe(1);
  });
});
