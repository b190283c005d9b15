// The passphrase in the real app: encrypting the data from Settings, starting locked, a wrong
// passphrase refused, the right one opening the data as it was.
import fs from "node:fs";
import path from "node:path";
import { expectAccessible, onboard, openApp, ownDataDir, screenshot } from "./support.js";

const dataDir = ownDataDir("lock");
const SECRET = "the back of the line";


describe("a passphrase", () => {
  before(async () => {
    await openApp(dataDir);
    await onboard("Imani");
  });

  it("encrypts the data from Settings, with the warning that it cannot be recovered", async () => {
    await $("button=Settings").click();
    await $("#new-passphrase").waitForDisplayed();
    await expect($("body")).toHaveText(expect.stringContaining("cannot be recovered"));
    await $("#new-passphrase").setValue(SECRET);
    await $("#confirm-passphrase").setValue(SECRET);
    await screenshot("80-passphrase");
    await expectAccessible("passphrase");
    await $("button=Encrypt with this passphrase").click();
    await $("#passphrase-status").waitUntil(async function () {
      return (await this.getText()).includes("Your data is encrypted");
    }, { timeout: 20_000 });
    const header = fs.readFileSync(path.join(dataDir, "leadback.sqlite3")).subarray(0, 15).toString();
    expect(header).not.toBe("SQLite format 3");
  });

  it("starts locked and opens only with the right passphrase", async () => {
    await browser.deleteSession();
    await openApp(dataDir);
    await $("h1=Leadback is locked").waitForDisplayed();
    await $("#unlock-passphrase").setValue("not the passphrase");
    await $("button=Unlock").click();
    await $("#unlock-error").waitForDisplayed({ timeout: 20_000 });
    await screenshot("81-locked");
    await expectAccessible("lock screen");
    await $("#unlock-passphrase").setValue(SECRET);
    await $("button=Unlock").click();
    await $("h1*=Imani").waitForDisplayed({ timeout: 20_000 });
  });

  it("locks again on request", async () => {
    await $("button=Settings").click();
    await $("button=Lock now").click();
    await $("h1=Leadback is locked").waitForDisplayed();
  });
});
