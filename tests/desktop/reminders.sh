#!/usr/bin/env bash
# Reminders and the tray as a desktop shows them: the real app, started hidden as at login, on a
# private D-Bus session with a real notification daemon (dunst) and a tray watcher of the test's own
# (tray.py: nothing else on a private bus is a StatusNotifierWatcher), under Xvfb:
#   - the tray item is registered, with "Check in today…", "Open Leadback" and "Quit Leadback";
#     "Open Leadback" shows the window; closing the window hides it, says once that Leadback is
#     still running, and the app goes on and still reminds; "Quit Leadback" ends the app and its item;
#   - a habit's reminder due in the coming minute is shown once, from "Leadback", titled with the
#     habit's name and saying why it matters;
#   - none for an archived habit, a habit already entered today, or a habit on a weekday not chosen.
# The app runs on the wall clock, so this waits for the next minute to turn (at most about 80 s;
# tests/desktop/clock.sh moves a clock the app is told to use instead).
#
#   tests/desktop/reminders.sh       (after `make app`; `make test` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/desktop/lib.sh
in_desktop_session "$@"

tray() { "$PY" tests/desktop/tray.py "$@"; }
start_dunst
tray watch "$work/tray.log" &
started+=($!)
wait_for "the tray watcher starting" 10 grep -qs '^ready$' "$work/tray.log"

# Past the 45th second, wait for the minute to turn: the app must be up, and its window opened and
# closed, before the reminder. At 23:59, wait for midnight, so "today" is the same day for the
# check-in and the reminder.
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

start_app

# The tray: the item and its menu, read over D-Bus as a desktop's panel reads them.
wait_for "the tray item's registration" 20 grep -q '^registered ' "$work/tray.log"
read -r _ item_name item_path < <(grep -m1 '^registered ' "$work/tray.log")
item=$(tray item "$item_name" "$item_path")
"$PY" -c '
import json, sys
item = json.loads(sys.argv[1])
want = ["Check in today\u2026", "Open Leadback", "Quit Leadback"]
if item["status"] != "Active" or item["menu"] != want:
    sys.exit(f"FAIL: the tray item is {item}, not Active with the menu {want}")
print("ok: the tray item is registered, its menu:", ", ".join(item["menu"]))
' "$item"

window_is() { [ "$(tray window "$app")" = "$1" ]; }
window_hidden() { window_is hidden || window_is none; }
window_hidden || fail "started with --hidden, the window is $(tray window "$app")"
tray click "$item_name" "$item_path" "Open Leadback"
wait_for "the window shown by the tray's Open Leadback" 10 window_is shown
echo "ok: the tray's Open Leadback shows the window"
tray close "$app"
wait_for "the window hidden when closed" 10 window_is hidden
alive || fail "the app ended when its window was closed, with reminders set"
# Closed before the reminder's minute, so the reminder below comes from the app in the tray.
[ "$(date +%H:%M)" != "$at" ] || fail "too slow: the window was closed after the reminder's minute began"
echo "ok: closing the window hides it and the app runs on"

# The reminder: wait for it (a minute at most), then give a second copy time to come: it would come
# within the same pass of the reminder task, or the next one a minute later at the latest.
notice="Leadback is still running"
a_reminder_shown() {
  shown | "$PY" -c 'import json, sys; sys.exit(all(n["title"] == sys.argv[1] for n in json.load(sys.stdin)))' "$notice"
}
deadline=$((SECONDS + 80))
until a_reminder_shown || [ $SECONDS -ge $deadline ]; do
  alive || fail "the app ended early"
  sleep 1
done
sleep 3

"$PY" -c '
import json, sys
got = json.loads(sys.argv[1])
def fail(why):
    sys.exit(f"FAIL: {why}\nshown: {json.dumps(got, indent=2)}")
notice = [n for n in got if n["title"] == sys.argv[2]]
reminders = [n for n in got if n not in notice]
if len(notice) != 1:
    fail(f"the notice that Leadback runs on came {len(notice)} times, not once")
if len(reminders) != 1:
    fail(f"expected exactly one reminder, the daemon got {len(reminders)}")
[n] = reminders
if n["app"] != "Leadback" or notice[0]["app"] != "Leadback":
    fail("sent as another app than \"Leadback\"")
title, body, said = n["title"], n["body"], notice[0]["body"]
if title != "Listen before speaking":
    fail(f"titled {title!r}")
if not body.strip():
    fail("no text")
print(f"ok: said once that Leadback runs on: {said}")
print(f"ok: one reminder, from Leadback, with the window closed: {title!r}: {body}")
' "$(shown)" "$notice"

# Quitting from the tray ends the app and takes its item off the bus.
alive || fail "the app ended before Quit Leadback"
tray click "$item_name" "$item_path" "Quit Leadback"
ended() { ! alive; }
wait_for "the app ending after the tray's Quit Leadback" 10 ended
status=0 && wait "$app" || status=$?
[ "$status" = 0 ] || fail "the app ended with status $status"
wait_for "the tray item leaving the bus" 5 grep -q "^gone $item_name\$" "$work/tray.log"
echo "ok: the tray's Quit Leadback ends the app (status 0) and its tray item"
echo "5 passed, 0 failed"
