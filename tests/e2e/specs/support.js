// Helpers every spec uses: screenshots for people to look at, and an accessibility check.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Saves a PNG of the window under tests/e2e/screenshots/ (git-ignored). */
export async function screenshot(name) {
  // Let the web view paint what the last step changed before capturing it.
  await browser.execute(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await browser.saveScreenshot(path.join(process.env.LEADBACK_E2E_SCREENSHOTS, `${name}.png`));
}

/** Runs axe-core on the current screen and fails on any serious or critical violation. */
export async function expectAccessible(screen) {
  await browser.execute(axeSource);
  const violations = await browser.executeAsync((done) => {
    window.axe
      .run(document, { resultTypes: ["violations"] })
      .then((result) =>
        done(
          result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.map((n) => n.target.join(" ")),
          })),
        ),
      )
      .catch((err) => done([{ id: "axe-failed", impact: "critical", help: String(err) }]));
  });
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (blocking.length > 0) {
    throw new Error(`${screen}: accessibility violations\n${JSON.stringify(blocking, null, 2)}`);
  }
}

/** Calls a Rust command directly, the way a misbehaving page could, and returns what came back. */
export async function rawInvoke(command, args) {
  return browser.execute(
    async (cmd, a) => {
      try {
        return { ok: true, value: await window.__TAURI_INTERNALS__.invoke(cmd, a) };
      } catch (error) {
        return { ok: false, error: typeof error === "string" ? error : JSON.stringify(error) };
      }
    },
    command,
    args,
  );
}

/** A fresh data folder of the spec's own, inside this run's folder. */
export function ownDataDir(prefix) {
  return fs.mkdtempSync(path.join(process.env.LEADBACK_E2E_DIR ?? os.tmpdir(), `${prefix}-`));
}

/** Restarts the app on `dataDir`; later `browser.reloadSession()` calls keep it. */
export async function openApp(dataDir) {
  const caps = browser.requestedCapabilities;
  await browser.reloadSession({
    ...caps,
    "tauri:options": { ...caps["tauri:options"], args: ["--data-dir", dataDir] },
  });
}

/** Answers the first-run screen with `name` and waits for the greeting. */
export async function onboard(name) {
  await $("h1=Welcome to Leadback").waitForDisplayed();
  await $("#name").setValue(name);
  await $("button=Continue").click();
  await $(`h1*=${name}`).waitForDisplayed();
}

/** Waits until the window shows `text` somewhere. */
export async function shows(text, timeout = 10_000) {
  await browser.waitUntil(async () => (await $("body").getText()).includes(text), {
    timeout,
    timeoutMsg: `the window never showed "${text}"`,
  });
}

/**
 * Opens a screen from the header's navigation: from its line, or from behind "More" when the
 * window has no room for it there (as with a coach's clients at the default size).
 */
export async function navigate(name) {
  const onLine = $("nav").$(`button=${name}`);
  if ((await onLine.isExisting()) && (await onLine.isDisplayed())) {
    await onLine.click();
    return;
  }
  await $("header").$("button=More").click();
  await $("#more-menu").$(`button=${name}`).click();
}

/** The local calendar day `offset` days from today, as the app's web view counts it. */
export const localDay = (offset) =>
  browser.execute((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((x) => String(x).padStart(2, "0")).join("-");
  }, offset);

/** Waits until a check-in button shows its state as saved (pressed). */
export async function waitPressed(button) {
  await browser.waitUntil(async () => (await button.getAttribute("aria-pressed")) === "true", {
    timeoutMsg: "the button never showed as saved",
  });
}
