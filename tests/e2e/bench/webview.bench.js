// The webview benchmark (not part of `npm test`; run it with benches/webview.sh): on the demo
// dataset (20 habits × 10 years), the IPC round trip from the real UI over 1,000 small invokes,
// and how long every chart takes to draw, read from the performance marks ChartCanvas leaves.
// Writes the figures to $LEADBACK_BENCH_OUT (JSON) for the script to print.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openApp, ownDataDir, shows } from "../specs/support.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const cli = path.resolve(process.env.LEADBACK_CLI ?? path.join(root, "target/release/leadback"));
const out = process.env.LEADBACK_BENCH_OUT ?? path.join(root, "target/webview-bench.json");
const INVOKES = 1000;

const nav = (name) => $("nav").$(`button=${name}`);

/** Percentiles of `values` (milliseconds), nearest-rank. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Times `count` invokes of `command`, one after another. WebKit rounds performance.now() to whole
 * milliseconds, so each call is timed (p50/p95 at that resolution) and so is every run of ten
 * calls (a mean per call to a tenth of a millisecond, p50/p95 over the runs of ten).
 */
async function roundTrips(command, count) {
  const times = await browser.executeAsync(
    (cmd, n, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      (async () => {
        const single = [];
        const tens = [];
        let tenStart = performance.now();
        for (let i = 0; i < n; i += 1) {
          const start = performance.now();
          await invoke(cmd);
          const end = performance.now();
          single.push(end - start);
          if (i % 10 === 9) {
            tens.push((end - tenStart) / 10);
            tenStart = performance.now();
          }
        }
        return { single, tens };
      })().then(done, (err) => done({ error: String(err) }));
    },
    command,
    count,
  );
  if (!Array.isArray(times.single)) throw new Error(`${command}: ${JSON.stringify(times)}`);
  const { single, tens } = times;
  return {
    command,
    count,
    p50: percentile(single, 50),
    p95: percentile(single, 95),
    max: Math.max(...single),
    tens_p50: percentile(tens, 50),
    tens_p95: percentile(tens, 95),
  };
}

/** Every chart drawn since the last call: name → longest drawing time in ms. */
async function chartTimes() {
  return browser.execute(() => {
    const entries = performance.getEntriesByType("measure").filter((e) => e.name.startsWith("chart: "));
    performance.clearMeasures();
    return entries.map((e) => ({ name: e.name.slice("chart: ".length), ms: e.duration }));
  });
}

async function waitForCharts(count) {
  await browser.waitUntil(
    async () =>
      (await browser.execute(
        () => performance.getEntriesByType("measure").filter((e) => e.name.startsWith("chart: ")).length,
      )) >= count,
    { timeout: 20_000, timeoutMsg: `fewer than ${count} charts were drawn` },
  );
}

describe("webview benchmark on the demo dataset", function () {
  this.timeout(10 * 60_000);
  const results = { date: new Date().toISOString().slice(0, 10), ipc: [], warmUp: null, charts: [] };

  before(async () => {
    const dataDir = ownDataDir("bench-data");
    execFileSync(cli, ["--data-dir", dataDir, "demo", "--habits", "20", "--years", "10", "--seed", "7"]);
    await openApp(dataDir);
    await $("nav").waitForDisplayed({ timeout: 30_000 });
  });

  after(() => {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(results, null, 2));
  });

  it("answers small invokes from the page quickly", async () => {
    // home_ready does nothing after its first call: the pure IPC cost. get_me reads one row.
    for (const command of ["home_ready", "get_me"]) {
      await roundTrips(command, 50); // warm up
      results.ipc.push(await roundTrips(command, INVOKES));
    }
  });

  it("draws every chart with ten years of data", async () => {
    // Home warms Chart.js up once it is idle (one-pixel chart, ui/src/app/chart/chartjs.ts).
    results.warmUp = await browser.execute(
      () => performance.getEntriesByName("chart warm-up", "measure")[0]?.duration ?? null,
    );
    await chartTimes();
    await nav("History").click();
    await waitForCharts(1);
    results.charts.push(...(await chartTimes()).map((c) => ({ screen: "History", ...c })));

    await $("table").$("tbody button").click();
    await waitForCharts(1);
    results.charts.push(...(await chartTimes()).map((c) => ({ screen: "Results", ...c })));

    await nav("Habits").click();
    await $("h1=Your habits").waitForDisplayed();
    await $("button.name").click();
    await shows("The last six months");
    await waitForCharts(3);
    results.charts.push(...(await chartTimes()).map((c) => ({ screen: "Habit", ...c })));

    await nav("Progress").click();
    await waitForCharts(2);
    results.charts.push(...(await chartTimes()).map((c) => ({ screen: "Progress", ...c })));
  });
});
