// A measurable habit in the real app: added from the form ("Minutes of listening before
// speaking", at least 20 minutes a week), today's 15 minutes typed from home with the keyboard
// alone, and its page with the minutes charted against the target and a strength above zero.
import { expectAccessible, onboard, openApp, ownDataDir, rawInvoke, screenshot } from "./support.js";

const dataDir = ownDataDir("measurable-data");
const NAME = "Minutes of listening before speaking";

/** The home screen's row for a habit, found by its name. */
const row = (name) => $(`//li[.//button[normalize-space()="${name}"]]`);

async function scrollTo(selector) {
  const el = await $(selector);
  await el.waitForExist();
  await browser.execute((node) => node.scrollIntoView({ block: "start", behavior: "instant" }), el);
}

/** How many pixels of the canvas are painted (not transparent). */
const paintedPixels = (canvas) =>
  browser.execute((el) => {
    const { data } = el.getContext("2d").getImageData(0, 0, el.width, el.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    return count;
  }, canvas);

describe("a measurable habit", function () {
  this.timeout(120_000);

  before(async () => {
    await openApp(dataDir);
    await onboard("Noor");
  });

  it("is added from the form as an amount against a weekly target", async () => {
    await $("button=Choose habits").click();
    await $("button=Write your own").click();
    await $("#habit-name").setValue(NAME);
    await $("label*=An amount").click();
    await $("#habit-unit").setValue("minutes");
    await $("#habit-target").setValue("20");
    // A week and "at least" are the form's first choices.
    await expect($("select[aria-label='Per day, week or month']")).toHaveValue("7");
    await screenshot("49-own-habit-measurable-form");
    await $("button=Add this habit").click();
    await $(`h1=${NAME}`).waitForDisplayed();
    await expect($("p*=at least 20 minutes a week")).toBeDisplayed();
  });

  it("takes today's amount from home, typed and entered with the keyboard", async () => {
    await $("nav").$("button=Home").click();
    const habit = row(NAME);
    await habit.waitForDisplayed();
    await expect(habit).toHaveText(expect.stringContaining("0 of 20 minutes in the last 7 days"));
    // From the habit's name, Tab reaches the amount field; type, Enter.
    await browser.execute((el) => el.focus(), await habit.$(`button=${NAME}`));
    await browser.keys(["Tab"]);
    const field = habit.$("input[inputmode='decimal']");
    await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.getAttribute("inputmode"))) === "decimal", {
      timeoutMsg: "Tab did not reach the amount field",
    });
    await browser.keys(["1", "5", "Enter"]);
    await habit.$("span=Saved").waitForDisplayed();
    await expect(field).toHaveValue("15");
    await browser.waitUntil(async () => (await habit.getText()).includes("15 of 20 minutes in the last 7 days"), {
      timeoutMsg: "the progress did not reach 15 of 20 minutes",
    });
    const saved = await rawInvoke("get_habits", { includeArchived: false });
    const listening = saved.value.find((o) => o.habit.name === NAME);
    expect([listening.today, listening.today_amount, listening.period_amount]).toEqual(["done", 15, 15]);
    expect(listening.strength).toBeGreaterThan(0);
    await screenshot("50-home-measurable");
    await expectAccessible("home with a measurable habit");
  });

  it("charts the minutes against the target on the habit's page", async () => {
    await row(NAME).$(`button=${NAME}`).click();
    await $(`h1=${NAME}`).waitForDisplayed();
    const strength = await $("//dt[normalize-space()='Strength']/following-sibling::dd[1]").getText();
    expect(strength).toMatch(/^[1-9]\d?%$/);
    await expect($("dt=Current streak (target met)")).toBeDisplayed();
    await screenshot("51-habit-measurable");
    await scrollTo("h2=Minutes week by week");
    const canvas = $("#amount-chart");
    await canvas.waitForDisplayed();
    await expect(canvas).toHaveAttribute("aria-label", expect.stringContaining("Bar chart of minutes this week, against the target of at least 20 minutes a week; so far 15 minutes."));
    await browser.waitUntil(async () => (await paintedPixels(await canvas)) > 1000, { timeoutMsg: "the amounts chart was not painted" });
    await screenshot("52-habit-measurable-chart");
  });
});
