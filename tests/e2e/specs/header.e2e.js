// The header at the window sizes the app allows, tried as a coach would: with clients (one with a
// long name) and a finished assessment, so every navigation item is there. At the default width
// (1100 px) and at the minimum (720 px), every item is either on the header's line and inside the
// window, or behind "More"; Settings and the person switcher stay in view; nothing makes the page
// scroll sideways; and each item opens its screen, by mouse and from the keyboard.
import { expectAccessible, onboard, openApp, ownDataDir, rawInvoke, screenshot } from "./support.js";

const dataDir = ownDataDir("header");
const LONG = "Maximiliane Oberhauser-Lindqvist";

// Each navigation item and the heading of the screen it opens.
const ITEMS = [
  ["Home", "h1#greeting"],
  ["Habits", "h1=Your habits"],
  ["Exercises", "h1=Guided exercises"],
  ["Journal", "h1=Journal"],
  ["Programmes", "h1=Programmes"],
  ["Progress", "h1=Your progress"],
  ["History", "h1=Your results over time"],
  ["Clients", "h1=Clients"],
];

const header = () => $("header");
const more = () => header().$("button=More");

/** Where an element sits, against the window's width. */
async function placement(element) {
  const found = await element;
  await found.waitForDisplayed();
  return browser.execute((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, width: r.width, window: window.innerWidth };
  }, found);
}

async function expectInsideWindow(element, what) {
  const at = await placement(element);
  if (!(at.width > 0 && at.left >= 0 && at.right <= at.window)) {
    throw new Error(`${what} is not inside the window: ${JSON.stringify(at)}`);
  }
}

/** The items on the header's line now, by name. */
async function onTheLine() {
  const buttons = await $("nav").$$("button");
  const names = [];
  for (const button of buttons) {
    if (await button.isDisplayed()) names.push((await button.getText()).trim());
  }
  return names;
}

/** Answers the self-assessment through IPC, every item in the middle, so History shows. */
async function finishAnAssessment() {
  const result = await browser.execute(async () => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    const { instrument } = await invoke("get_questionnaire", {});
    const { id } = await invoke("start_assessment", {});
    let position = 0;
    for (const item of [...instrument.items, ...instrument.energy.items]) {
      position += 1;
      await invoke("answer_item", { assessmentId: id, itemId: item.id, value: 3, position });
    }
    for (const scenario of instrument.scenarios) {
      position += 1;
      const optionId = scenario.options[0].id;
      await invoke("answer_scenario", { assessmentId: id, scenarioId: scenario.id, optionId, position });
    }
    await invoke("finish_assessment", { assessmentId: id });
    return "finished";
  });
  expect(result).toBe("finished");
}

async function setWidth(width) {
  await browser.setWindowSize(width, 760);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, {
    timeoutMsg: `the window never became ${width} px wide`,
  });
}

/** Opens `name` from the header, from the line or from behind More, and waits for its screen. */
async function open(name, heading) {
  const line = await onTheLine();
  if (line.includes(name)) {
    await $("nav").$(`button=${name}`).click();
  } else {
    await more().click();
    const entry = $("#more-menu").$(`button=${name}`);
    await entry.waitForDisplayed();
    await expectInsideWindow(entry, `${name} behind More`);
    await entry.click();
    await expect(more()).toHaveAttribute("aria-expanded", "false");
  }
  await $(heading).waitForDisplayed();
}

/** Checks the header at `width`; `items` are the ones it should offer (History needs a result). */
async function checkAt(width, shot, items = ITEMS) {
  await setWidth(width);
  await $("nav").$("button=Home").click();
  await $("h1#greeting").waitForDisplayed();
  await screenshot(shot);

  const line = await onTheLine();
  for (const [name] of items) {
    if (line.includes(name)) await expectInsideWindow($("nav").$(`button=${name}`), name);
  }
  const behind = items.map(([name]) => name).filter((name) => !line.includes(name));
  if (behind.length > 0) {
    await expectInsideWindow(more(), "More");
    await more().click();
    await expect(more()).toHaveAttribute("aria-expanded", "true");
    for (const name of behind) await expectInsideWindow($("#more-menu").$(`button=${name}`), `${name} behind More`);
    await screenshot(`${shot}-more`);
    await expectAccessible(`the header's More list at ${width} px`);
    await browser.keys("Escape");
    await expect(more()).toHaveAttribute("aria-expanded", "false");
  }
  await expectInsideWindow(header().$("button=Settings"), "Settings");
  await expectInsideWindow(header().$("select"), "the person switcher");
  const sideways = await browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(sideways).toBeLessThanOrEqual(0);

  for (const [name, heading] of items) await open(name, heading);
  await header().$("button=Settings").click();
  await $("h1=Settings").waitForDisplayed();
  return { line, behind };
}

describe("the header", function () {
  this.timeout(300_000);

  before(async () => {
    await openApp(dataDir);
    await onboard("Kim");
    const consent = { agreed_on: "2026-11-01", terms: "Notes are kept on this laptop only." };
    for (const name of ["Noor Haddad", LONG]) {
      const added = await rawInvoke("add_client", { client: { name, contact: null, tags: [] }, consent });
      expect(added.ok).toBe(true);
    }
    await finishAnAssessment();
    // Loaded again, the app reads the people and the history the way it does at start.
    await browser.refresh();
    await $("h1*=Kim").waitForDisplayed();
    await header().$("select").waitForDisplayed();
  });

  it("keeps every item in reach at the default width", async () => {
    const { behind } = await checkAt(1100, "h1-header-1100");
    // At the size the app opens with, a coach's header fits on its line.
    expect(behind).toEqual([]);
  });

  it("puts what does not fit behind More at the minimum width, by mouse and from the keyboard", async () => {
    const { behind } = await checkAt(720, "h2-header-720");
    expect(behind.length).toBeGreaterThan(0);

    // From the keyboard: with the focus on More, the up arrow opens the list on its last item and
    // Enter opens that item's screen.
    await $("nav").$("button=Home").click();
    await $("h1#greeting").waitForDisplayed();
    await browser.execute(() => document.querySelector("header nav button[aria-expanded]").focus());
    await browser.keys("ArrowUp");
    await expect(more()).toHaveAttribute("aria-expanded", "true");
    const last = behind[behind.length - 1];
    await expect($("#more-menu").$(`button=${last}`)).toBeFocused();
    await browser.keys("Enter");
    await $(ITEMS.find(([name]) => name === last)[1]).waitForDisplayed();
    await expect(more()).toHaveAttribute("aria-expanded", "false");
  });

  it("keeps every item in reach while working with the client whose name is long", async () => {
    await setWidth(1100);
    await header().$("select").selectByVisibleText(LONG);
    await $("div*=Working with").waitForDisplayed();
    // The client has no result yet, so History is not offered.
    const items = ITEMS.filter(([name]) => name !== "History");
    await checkAt(1100, "h3-header-1100-client", items);
    await checkAt(720, "h4-header-720-client", items);
  });

  after(async () => {
    await browser.setWindowSize(1100, 760);
  });
});
