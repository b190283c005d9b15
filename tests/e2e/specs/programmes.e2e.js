// A facilitator's week with retreat programmes in the real app: a participant imports a programme
// file and follows day 1; a facilitator writes a programme of their own, exports it, deletes it and
// brings it back from the file; then imports five participants' results files and sees the
// cohort's charts at the window's default size, each inside its card. The native file dialogs
// cannot be driven through WebDriver, so the files are handed to the same commands the dialogs
// feed (as the habits spec does for Loop).
import fs from "node:fs";
import path from "node:path";
import { expectAccessible, onboard, openApp, ownDataDir, rawInvoke, screenshot, shows } from "./support.js";

const dataDir = ownDataDir("programmes");
const files = ownDataDir("programme-files");


/** Waits until an item's box is ticked and the save behind it has finished. */
async function ticked(selector) {
  await $(selector).waitUntil(async function () {
    return (await this.isSelected()) && (await this.isEnabled());
  }, { timeoutMsg: `${selector} was never ticked` });
}

/** Takes the whole self-assessment through IPC, every item answered `value`. */
async function takeAssessment(value) {
  const outcome = await browser.executeAsync((v, done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    (async () => {
      const { instrument } = await invoke("get_questionnaire", {});
      const { id } = await invoke("start_assessment", {});
      let position = 0;
      for (const item of [...instrument.items, ...instrument.energy.items]) {
        position += 1;
        await invoke("answer_item", { assessmentId: id, itemId: item.id, value: v, position });
      }
      for (const scenario of instrument.scenarios) {
        position += 1;
        const optionId = scenario.options[0].id;
        await invoke("answer_scenario", { assessmentId: id, scenarioId: scenario.id, optionId, position });
      }
      await invoke("finish_assessment", { assessmentId: id });
    })().then(
      () => done({ ok: true }),
      (err) => done({ ok: false, error: JSON.stringify(err) }),
    );
  }, value);
  expect(outcome).toEqual({ ok: true });
}

describe("retreat programmes", () => {
  before(async () => {
    await openApp(dataDir);
    await onboard("Tomas");
  });

  it("previews a programme file without saving it, then imports it", async () => {
    // A facilitator's file: the sample programme under a name of their own.
    const sample = path.join(files, "sample.json");
    expect((await rawInvoke("export_programme", { programmeId: "three-days-at-the-back", path: sample })).ok).toBe(true);
    const file = JSON.parse(fs.readFileSync(sample, "utf8"));
    file.programme.id = "weekend-at-the-back";
    file.programme.title = "A weekend at the back";
    const programmeFile = path.join(files, "weekend.json");
    fs.writeFileSync(programmeFile, JSON.stringify(file));

    const preview = await rawInvoke("preview_programme_file", { path: programmeFile });
    expect(preview.ok).toBe(true);
    expect(preview.value.title).toBe("A weekend at the back");
    const before = await rawInvoke("get_programmes", {});
    expect(before.value.map((p) => p.id)).not.toContain("weekend-at-the-back");

    expect((await rawInvoke("import_programme_file", { path: programmeFile })).ok).toBe(true);
    await $("button=Programmes").click();
    await $("h2=A weekend at the back").waitForDisplayed();
    await screenshot("60-programmes");
    await expectAccessible("programmes");
  });

  it("shows today's programme and follows day 1", async () => {
    await $('button[aria-label="Open A weekend at the back"]').click();
    await shows("Today's programme: day 1 of 3");
    await $("button=Add to my habits").click();
    await ticked("#item-habit-let-others-go-first");
    await $("#item-walk").click();
    await ticked("#item-walk");
    await $("#item-assessment-before").click();
    await ticked("#item-assessment-before");
    await shows("Today's programme: day 2 of 3");
    await screenshot("61-programme-day-1");
    await expectAccessible("programme");
    const habits = await rawInvoke("get_habits", { includeArchived: false });
    expect(habits.value.map((h) => h.habit.name)).toContain("Let someone else go first");
  });

  it("lets a facilitator write a programme of their own", async () => {
    await $("button*=All programmes").click();
    await $("#programme-new").click();
    await $("#author-title").setValue("An evening of listening");
    await $("#author-description").setValue("One short pause before you speak, then the journal.");
    await $("#author-day-1-add-item").click();
    await $("#author-day-1-item-1-exercise").selectByAttribute("value", "quick-pause");
    await screenshot("62-programme-editor");
    await expectAccessible("programme editor");
    await $("#author-save").click();
    await shows("Saved “An evening of listening” (version 1)");
    const saved = await rawInvoke("get_programmes", {});
    expect(saved.value.map((p) => p.id)).toContain("an-evening-of-listening");
  });

  it("exports the programme, deletes it after saying what goes, and imports it back", async () => {
    const file = path.join(files, "evening.json");
    expect((await rawInvoke("export_programme", { programmeId: "an-evening-of-listening", path: file })).ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).programme.title).toBe("An evening of listening");

    await $("button=Programmes").click();
    await $("h2=An evening of listening").waitForDisplayed();
    // The one that comes with Leadback cannot be deleted; the facilitator's own can.
    await expect($('button[aria-label="Delete Three days at the back of the line…"]')).not.toBeExisting();
    await $('button[aria-label="Delete An evening of listening…"]').click();
    const confirm = $("button=Delete the programme");
    await confirm.waitForDisplayed();
    await screenshot("64-programme-delete");
    await browser.execute((el) => el.click(), await confirm);
    await shows("Deleted “An evening of listening”.");
    await $("h2=An evening of listening").waitForExist({ reverse: true });

    expect((await rawInvoke("preview_programme_file", { path: file })).ok).toBe(true);
    expect((await rawInvoke("import_programme_file", { path: file })).ok).toBe(true);
    await $("button=Home").click();
    await $("button=Programmes").click();
    await $("h2=An evening of listening").waitForDisplayed();
  });

  it("shows a facilitator the cohort of five participants as charts", async () => {
    // Five participants: one "before" assessment, then a different "after" for each; each has
    // walked at the back (an exercise of the programme), so the completion chart has a bar.
    await takeAssessment(2);
    const run = await rawInvoke("start_exercise", { exerciseId: "walk-at-the-back", programmeItem: null });
    expect((await rawInvoke("finish_exercise", { runId: run.value.id, checkInHabit: false })).ok).toBe(true);
    const results = [];
    for (let n = 1; n <= 5; n += 1) {
      await takeAssessment(1 + (n % 5));
      const file = path.join(files, `results-P${n}.json`);
      const written = await rawInvoke("export_results", {
        programmeId: "three-days-at-the-back",
        participantCode: `P${n}`,
        name: null,
        path: file,
      });
      expect(written).toEqual({ ok: true, value: null });
      results.push(file);
    }
    expect(await rawInvoke("import_results", { paths: results })).toEqual({ ok: true, value: 5 });

    await $("button=Programmes").click();
    await $("button=For facilitators: the group's picture").click();
    await $("#cohort-change-chart").waitForDisplayed();
    await $("#cohort-completion-chart").waitForDisplayed();
    await shows("5");
    // At the window's default size every chart sits inside its card, and no two overlap.
    const size = await browser.execute(() => ({ width: window.innerWidth }));
    expect(size.width).toBeGreaterThanOrEqual(1000);
    const boxes = await browser.execute(() =>
      [...document.querySelectorAll("figure.card")].map((card) => {
        const c = card.getBoundingClientRect();
        const canvas = card.querySelector("canvas")?.getBoundingClientRect();
        return { card: [c.left, c.top, c.right, c.bottom], canvas: canvas && [canvas.left, canvas.top, canvas.right, canvas.bottom] };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const { card, canvas } of boxes.filter((b) => b.canvas)) {
      expect(canvas[0]).toBeGreaterThanOrEqual(card[0] - 0.5);
      expect(canvas[2]).toBeLessThanOrEqual(card[2] + 0.5);
    }
    const canvases = boxes.filter((b) => b.canvas).map((b) => b.canvas);
    for (let i = 0; i < canvases.length; i++) {
      for (let j = i + 1; j < canvases.length; j++) {
        const [a, b] = [canvases[i], canvases[j]];
        const overlap = a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
        expect(overlap).toBe(false);
      }
    }
    await expect($("body")).not.toHaveText(expect.stringContaining("hidden -> hidden"));
    await screenshot("63-cohort");
    await browser.execute(() => document.querySelectorAll("figure.card")[1]?.scrollIntoView({ block: "start", behavior: "instant" }));
    await screenshot("63-cohort-before-after");
    await expectAccessible("cohort");
  });
});
