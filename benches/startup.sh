#!/usr/bin/env bash
# Start-up time and memory of Leadback against the floor: a bare Tauri 2 window
# (benches/bare-app) built with the same release profile.
#
#   benches/startup.sh [RUNS]        (default 10 runs of each app, alternating)
#
# Both apps are built in release mode, then started RUNS times each, alternately, under one Xvfb
# server. Each run measures:
#   - time: from just before the process is started to the moment its page tells Rust it has drawn
#     its data (Leadback: the home screen with the demo dataset's habits and latest assessment; the
#     bare app: its "Hello, world" page). Both write the wall clock to $LEADBACK_READY_FILE then.
#   - memory: the proportional set size (PSS, /proc/PID/smaps_rollup) of the app and every process
#     it started (the WebKit web and network processes), summed, two seconds after that moment.
# Both run inside one D-Bus session, as on a desktop (without one, the tray library spends time
# looking for dbus-launch). Leadback runs on a fresh copy of the demo dataset each time (`leadback demo`, fixed seed), so
# each start does what a person's first start of the day does (including the daily backup).
# Prints the medians and the ratios Leadback / bare; results also go to target/startup/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-10}
OUT=target/startup
TAURI=ui/node_modules/.bin/tauri
APP=target/release/leadback-app
BARE=target/release/leadback-bare-app
CLI=target/release/leadback

make --no-print-directory deps package-deps
if [ -z "${LEADBACK_STARTUP_BUS:-}" ]; then
  LEADBACK_STARTUP_BUS=1 exec dbus-run-session -- "$0" "$@"
fi
echo "Building both apps and the CLI in release mode…"
"$TAURI" build --no-bundle >/dev/null
cargo build --release --locked -p leadback-bare-app --features custom-protocol
cargo build --release --locked -p leadback-cli

rm -rf "$OUT" && mkdir -p "$OUT"
"$CLI" --data-dir "$OUT/demo" demo --habits 20 --years 10 --clients 200 --assessments-per-client 10 --seed 7 >/dev/null

# One X server for every run, so neither app pays for starting it.
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
export DISPLAY=$display
for _ in $(seq 200); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.05; done

# Every process descended from $1 (the app's WebKit helpers are its children or grandchildren).
descendants() {
  local pid=$1 child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do descendants "$child"; done
}

pss_kib() {
  local total=0 pid kib
  for pid in $(descendants "$1"); do
    kib=$(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup 2>/dev/null || echo 0)
    total=$((total + ${kib:-0}))
  done
  echo "$total"
}

# run NAME BINARY [ARGS…]: one start; appends "ms kib" to $OUT/NAME.txt.
run() {
  local name=$1; shift
  local mark="$OUT/ready" home="$OUT/home-$name"
  rm -rf "$mark" "$home" && mkdir -p "$home"
  local start pid ready
  start=$(date +%s%N)
  HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
    LEADBACK_READY_FILE="$mark" setsid "$@" >"$OUT/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1200); do [ -s "$mark" ] && break; sleep 0.05; done
  if [ ! -s "$mark" ]; then
    echo "$name did not report ready within 60 s; its log:" >&2
    cat "$OUT/$name.log" >&2
    kill -- -"$pid" 2>/dev/null || true
    exit 1
  fi
  ready=$(cat "$mark")
  # Let the page settle before reading memory: what home does once it is idle (getting the chart
  # library ready, ui/src/app/chart/chartjs.ts) is done well within this and counted.
  sleep 2
  local kib
  kib=$(pss_kib "$pid")
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$(((ready - start) / 1000000)) $kib" >>"$OUT/$name.txt"
}

for i in $(seq "$RUNS"); do
  rm -rf "$OUT/data" && cp -r "$OUT/demo" "$OUT/data"
  run leadback "$APP" --data-dir "$OUT/data"
  run bare "$BARE"
  printf '\rrun %d of %d' "$i" "$RUNS"
done
echo

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2)}'; }
app_ms=$(cut -d' ' -f1 "$OUT/leadback.txt" | median)
bare_ms=$(cut -d' ' -f1 "$OUT/bare.txt" | median)
app_kib=$(cut -d' ' -f2 "$OUT/leadback.txt" | median)
bare_kib=$(cut -d' ' -f2 "$OUT/bare.txt" | median)
{
  echo "start-up and memory, median of $RUNS runs each ($(date -u +%F))"
  printf '%-10s %12s %12s\n' "" "start (ms)" "PSS (MiB)"
  printf '%-10s %12s %12.1f\n' leadback "$app_ms" "$(awk "BEGIN {print $app_kib / 1024}")"
  printf '%-10s %12s %12.1f\n' bare "$bare_ms" "$(awk "BEGIN {print $bare_kib / 1024}")"
  printf '%-10s %12.2f %12.2f\n' ratio "$(awk "BEGIN {print $app_ms / $bare_ms}")" \
    "$(awk "BEGIN {print $app_kib / $bare_kib}")"
} | tee "$OUT/results.txt"
