#!/usr/bin/env bash
# The webview benchmark: IPC round trips from the real UI (p50/p95 over 1,000 small invokes) and
# every chart's drawing time, on the demo dataset, in the release build under Xvfb with no network.
#
#   benches/webview.sh
#
# Figures go to target/webview-bench.json and are printed as a table.
set -euo pipefail
cd "$(dirname "$0")/.."

make --no-print-directory deps tauri-driver
ui/node_modules/.bin/tauri build --no-bundle >/dev/null
cargo build --release --locked -p leadback-cli

export LEADBACK_APP=$PWD/target/release/leadback-app
export LEADBACK_CLI=$PWD/target/release/leadback
export LEADBACK_BENCH_OUT=$PWD/target/webview-bench.json
rm -f "$LEADBACK_BENCH_OUT"
(cd tests/e2e && ./offline.sh xvfb-run -a -s "-screen 0 1280x800x24" \
  npx wdio run wdio.conf.js --spec bench/webview.bench.js)

node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
// WebKit reports whole milliseconds, give or take a floating-point hair.
const ms = (v) => Math.round(v * 10) / 10;
console.log(`webview benchmark (${r.date})`);
for (const i of r.ipc)
  console.log(`IPC ${i.command} × ${i.count}: each call p50 ${ms(i.p50)} ms, p95 ${ms(i.p95)} ms, max ${ms(i.max)} ms (1 ms resolution); ` +
    `per call over runs of ten: p50 ${i.tens_p50.toFixed(2)} ms, p95 ${i.tens_p95.toFixed(2)} ms`);
console.log(r.warmUp === null
  ? "chart warm-up: had not run on home before the first chart"
  : `chart warm-up (on home, when idle, before any chart): ${r.warmUp.toFixed(1)} ms`);
for (const c of r.charts) console.log(`chart ${c.screen} / ${c.name}: ${c.ms.toFixed(1)} ms`);
' "$LEADBACK_BENCH_OUT"
