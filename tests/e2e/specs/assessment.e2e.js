// The self-assessment in the real app: taken twice with the keyboard, interrupted by closing the
// app, resumed, read as results, and compared in the history.
import { expectAccessible, openApp, ownDataDir, rawInvoke, screenshot } from "./support.js";

// A data folder of its own, so this spec neither depends on nor changes what the others see
// (the first-run spec expects a fresh start, whichever order the specs run in).
const dataDir = ownDataDir("assessment-data");

/** Restarts the app on this spec's own data folder; later reloadSession() calls keep it. */

const greeting = () => $("h1*=Good ");
const progress = () => $("#progress-label");

/** Waits for home, giving a name first if the app asks for one. */
async function arriveHome() {
  const welcome = $("h1=Welcome to Leadback");
  await browser.waitUntil(async () => (await welcome.isExisting()) || (await greeting().isExisting()), {
    timeoutMsg: "neither onboarding nor home appeared",
  });
  if (await welcome.isExisting()) {
    await $("#name").setValue("Grace");
    await $("button=Continue").click();
  }
  await greeting().waitForDisplayed();
}

const activeText = () =>
  browser.execute(() => (document.activeElement?.textContent ?? "").replace(/\s+/g, " ").trim());

/** Presses Tab until the focused element's text starts with `text`, then Enter. */
async function tabToAndPress(text) {
  for (let i = 0; i < 25; i++) {
    await browser.keys(["Tab"]);
    if ((await activeText()).startsWith(text)) {
      await browser.keys(["Enter"]);
      return;
    }
  }
  throw new Error(`no focusable element starting with "${text}"`);
}

async function expectProgress(text) {
  await browser.waitUntil(async () => (await progress().getText()) === text, {
    timeoutMsg: `expected "${text}", saw "${await progress().getText()}"`,
  });
}

/** The key this run presses for each step: varied answers, so the profile has some shape. */
function keyFor(step, index, round) {
  if (step.kind === "scenario") return String(((index + round) % 3) + 1);
  if (step.kind === "energy") return round === 0 ? "2" : "4";
  const byStance = round === 0 ? { front: "5", behind: "2", servant: "3" } : { front: "2", behind: "4", servant: "4" };
  return byStance[step.stance];
}

let steps = [];

/** Answers steps `from`..`to`-1 with keys only, checking the question moves on each time. */
async function answerByKeyboard(from, to, round, shots = {}) {
  for (let i = from; i < to; i++) {
    await expectProgress(`Question ${i + 1} of ${steps.length}`);
    const shot = shots[steps[i].kind];
    if (shot && !shot.done) {
      shot.done = true;
      await screenshot(shot.name);
      await expectAccessible(shot.name);
    }
    await browser.keys([keyFor(steps[i], i, round)]);
  }
}

/** Scrolls a heading to the top of the window, at once (no smooth scrolling to wait for). */
async function scrollTo(selector) {
  const el = await $(selector);
  await el.waitForExist();
  await browser.execute((node) => node.scrollIntoView({ block: "start", behavior: "instant" }), el);
}

async function chartIsDrawn() {
  const canvas = $("canvas[role='img']");
  await canvas.waitForDisplayed();
  const painted = await browser.execute((el) => {
    const { data } = el.getContext("2d").getImageData(0, 0, el.width, el.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    return count;
  }, await canvas);
  expect(painted).toBeGreaterThan(1000);
}

describe("the self-assessment", function () {
  this.timeout(300_000);

  before(async () => {
    await openApp(dataDir);
    const q = await rawInvoke("get_questionnaire", {});
    const stances = new Map(q.value.instrument.items.map((item) => [item.id, item.stance]));
    steps = q.value.steps.map((s) => ({ ...s, stance: stances.get(s.id) }));
  });

  it("invites a first assessment from home", async () => {
    await arriveHome();
    await expect($("button=Take the assessment")).toBeDisplayed();
    await screenshot("10-home-invitation");
    await expectAccessible("home with an invitation");
  });

  it("answers with number keys, goes back with ←, forward with Enter, and skips", async () => {
    expect(steps.length).toBe(44);
    await tabToAndPress("Take the assessment");
    await expectProgress("Question 1 of 44");
    await screenshot("11-question-first");
    await expectAccessible("first question");

    await browser.keys(["5"]);
    await expectProgress("Question 2 of 44");
    await browser.keys(["ArrowLeft"]);
    await expectProgress("Question 1 of 44");
    await expect($("button[aria-pressed='true']")).toHaveText(expect.stringContaining("Almost always"));
    await screenshot("12-question-answered");
    await browser.keys(["Enter"]);
    await expectProgress("Question 2 of 44");

    // Skip question 2 with the keyboard: Tab to the button, Enter.
    await tabToAndPress("Skip this question");
    await expectProgress("Question 3 of 44");
    await answerByKeyboard(2, 20, 0);
  });

  it("resumes at the same question after the app is closed", async () => {
    await expectProgress("Question 21 of 44");
    const question = await $("#question").getText();
    await browser.reloadSession();
    await arriveHome();
    const resume = $("button=Continue your assessment — question 21 of 44");
    await expect(resume).toBeDisplayed();
    await expect($("button=Start over")).toBeDisplayed();
    await screenshot("13-home-resume");
    await expectAccessible("home with an assessment to resume");

    await tabToAndPress("Continue your assessment");
    await expectProgress("Question 21 of 44");
    await expect($("#question")).toHaveText(question);
    await browser.keys(["ArrowLeft"]);
    await expectProgress("Question 20 of 44");
    await expect($("button[aria-pressed='true']")).toBeExisting();
    await browser.keys(["ArrowRight"]);
  });

  it("finishes with the keyboard and shows how many were answered", async () => {
    await answerByKeyboard(20, 44, 0, {
      scenario: { name: "14-question-scenario" },
      energy: { name: "15-question-energy" },
    });
    await $("h1=That's every question").waitForDisplayed();
    await expect($("p=You answered 43 of 44.")).toBeDisplayed();
    await screenshot("16-finish");
    await expectAccessible("finish screen");
    await tabToAndPress("See my results");
  });

  it("shows the results with a chart and its table", async () => {
    await $("h2=Where you stood").waitForDisplayed();
    await chartIsDrawn();
    await expect($("caption*=Your three stances")).toBeDisplayed();
    const label = await $("canvas[role='img']").getAttribute("aria-label");
    expect(label).toMatch(/Front \d+\.\d, Behind \d+\.\d, Servant \d+\.\d/);
    await screenshot("17-results-top");
    await expectAccessible("results");
    await scrollTo("h3=Balance");
    await screenshot("18-results-balance");
    await scrollTo("h2=Stance by stance");
    await screenshot("19-results-stances");
    await scrollTo("h2=Suggested next steps");
    await screenshot("20-results-next-steps");
  });

  it("takes it again and compares the two", async () => {
    await $("button=Home").click();
    await $("button=Take it again").waitForDisplayed();
    await screenshot("21-home-latest");
    await expectAccessible("home with a latest result");
    await $("button=Take it again").click();
    await expectProgress("Question 1 of 44");
    await answerByKeyboard(0, 44, 1);
    await $("h1=That's every question").waitForDisplayed();
    await expect($("p=You answered 44 of 44.")).toBeDisplayed();
    await tabToAndPress("See my results");
    await $("h2=Where you stood").waitForDisplayed();

    await $("nav").$("button=History").click();
    await $("h1=Your results over time").waitForDisplayed();
    await chartIsDrawn();
    const boxes = await $$("table input[type='checkbox']");
    expect(boxes.length).toBe(2);
    await screenshot("22-history");
    await expectAccessible("history");
    for (const box of boxes) await box.click();
    await scrollTo("h2=Every assessment");
    await screenshot("23-history-chosen");
    await $("button=Compare the two chosen").click();

    await $("h1=Two results side by side").waitForDisplayed();
    await chartIsDrawn();
    await expect($("th=Front")).toBeDisplayed();
    await expect($("td*=+")).toBeExisting();
    await screenshot("24-compare");
    await expectAccessible("compare");
    await scrollTo("h2=Scores, then and now");
    await screenshot("25-compare-scores");
  });
});
