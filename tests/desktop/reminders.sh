#!/usr/bin/env bash
# Reminders as a desktop shows them: the real app, started hidden as at login, on a private D-Bus
# session with a real notification daemon (dunst) under Xvfb. What the daemon received is read back
# with `dunstctl history`:
#   - a habit's reminder due in the coming minute is shown once, from "Leadback", titled with the
#     habit's name and saying why it matters;
#   - none for an archived habit, a habit already entered today, or a habit on a weekday not chosen.
# The app runs on the wall clock, so this waits for the next minute to turn (at most about 75 s).
#
#   tests/desktop/reminders.sh       (after `make app`; `make test` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."

APP=${LEADBACK_APP:-target/debug/leadback-app}
CLI=${LEADBACK_CLI:-target/debug/leadback}

if [ -z "${LEADBACK_DESKTOP_SESSION:-}" ]; then
  [ -x "$CLI" ] || cargo build --quiet --locked -p leadback-cli
  LEADBACK_DESKTOP_SESSION=1 exec xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$0" "$@"
fi

work=$(mktemp -d)
app="" daemon=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$daemon" ] && kill "$daemon" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A home and XDG folders of the run's own: nothing reaches the developer's desktop.
mkdir -p "$work/home" "$work/config" "$work/share" "$work/cache" && mkdir -m 700 "$work/runtime"
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/share \
  XDG_CACHE_HOME=$work/cache XDG_RUNTIME_DIR=$work/runtime NO_AT_BRIDGE=1
data=$work/data
leadback() { "$CLI" --data-dir "$data" "$@" >/dev/null; }

# The daemon: each notification closes after a second and goes to its history, read below.
printf '[global]\n  history_length = 50\n[urgency_low]\n  timeout = 1\n[urgency_normal]\n  timeout = 1\n[urgency_critical]\n  timeout = 1\n' >"$work/dunstrc"
dunst -config "$work/dunstrc" >"$work/dunst.log" 2>&1 &
daemon=$!
for _ in $(seq 50); do dunstctl is-paused >/dev/null 2>&1 && break; sleep 0.1; done
dunstctl is-paused >/dev/null || { echo "dunst did not start:"; cat "$work/dunst.log"; exit 1; }

# Past the 45th second, wait for the minute to turn: the app must be up before the reminder. At
# 23:59, wait for midnight, so "today" is the same day for the check-in and the reminder.
if [ "$(date +%H%M)" = 2359 ] || [ "$(date +%-S)" -gt 45 ]; then sleep $((61 - $(date +%-S))); fi
at=$(date -d '+1 minute' +%H:%M)
tomorrow=$(LC_ALL=C date -d '+1 day' +%a | tr '[:upper:]' '[:lower:]')

leadback me --name "Ada"
leadback habits add listen-before-speaking
leadback habits add "Let someone else go first"
leadback habits add "Praise a contribution"
leadback habits add "Walk at the back"
leadback habits remind "Listen before speaking" --at "$at"
leadback habits remind "Let someone else go first" --at "$at"
leadback habits check "Let someone else go first" --state done
leadback habits remind "Praise a contribution" --at "$at"
leadback habits archive "Praise a contribution"
leadback habits remind "Walk at the back" --at "$at" --days "$tomorrow"

"$APP" --data-dir "$data" --hidden >"$work/app.log" 2>&1 &
app=$!

history() { dunstctl history; }
shown() {
  history | node -e '
    let text = ""; process.stdin.on("data", (d) => (text += d)).on("end", () => {
      const items = JSON.parse(text).data.flat();
      const pick = (n) => ({ app: n.appname.data, title: n.summary.data, body: n.body.data });
      console.log(JSON.stringify(items.map(pick)));
    });'
}

deadline=$((SECONDS + 80))
until [ "$(shown)" != "[]" ] || [ $SECONDS -ge $deadline ]; do
  kill -0 "$app" 2>/dev/null || { echo "The app ended early:"; cat "$work/app.log"; exit 1; }
  sleep 1
done
# A second copy would come within the same pass of the reminder task, or the next one a minute
# later at the latest: give it a few seconds, then count what is displayed and what is in history.
sleep 3
[ "$(dunstctl count displayed)" = 0 ] || sleep 2

got=$(shown)
node -e '
  const got = JSON.parse(process.argv[1]);
  const fail = (why) => { console.error("FAIL: " + why + "\nshown: " + JSON.stringify(got, null, 2)); process.exit(1); };
  if (got.length !== 1) fail(`expected exactly one reminder, the daemon got ${got.length}`);
  const [n] = got;
  if (n.app !== "Leadback") fail(`sent as ${JSON.stringify(n.app)}, not "Leadback"`);
  if (n.title !== "Listen before speaking") fail(`titled ${JSON.stringify(n.title)}`);
  if (!n.body.trim()) fail("no text");
  console.log(`ok: one reminder, from Leadback: "${n.title}": ${n.body}`);
' "$got"
echo "1 passed, 0 failed"
