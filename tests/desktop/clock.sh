#!/usr/bin/env bash
# Sleep, summer time and time zones on the running app: started as at login on a private D-Bus
# session with a real notification daemon (dunst) under Xvfb, on a clock this test moves (a file
# it names in LEADBACK_TEST_CLOCK, honoured by debug builds started with LEADBACK_TESTING=1 too:
# see src-tauri/src/test_clock.rs). After each move the test waits for the app to have looked at
# the new time (its log says so), then reads what the daemon was sent:
#   - after a sleep across several reminders of two habits (another habit's between them), each is
#     reminded once, within the grace period; one past it, not at all; nothing comes again after;
#   - a move from Paris to New York repeats none of the day's reminders and loses none still to
#     come; back east, one the clock jumped over is shown once;
#   - on the night summer time begins, a reminder in the hour that never was is shown once; on the
#     night it ends, one in the hour that comes twice is shown once; the next night's, as usual.
# The offsets are the system's time-zone rules' (`TZ=… date -Iseconds`). No wall-clock waiting.
#
#   tests/desktop/clock.sh       (after `make app`; `make test` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/desktop/lib.sh
in_desktop_session "$@"

start_dunst
clock=$work/clock

# set_clock ZONE WHEN: the test clock reads WHEN (anything `date -d` reads, in ZONE unless it names
# UTC) with ZONE's offset from UTC then.
set_clock() {
  TZ=$1 date -d "$2" -Iseconds >"$clock.new" && mv "$clock.new" "$clock"
}

# step WHAT ZONE WHEN [TITLE…]: moves the clock, waits for the app to look at it, and checks that
# exactly the TITLEs were shown since the last step.
count=0 passed=0
step() {
  local what=$1 zone=$2 at local_time utc got want
  at=@$(TZ=$zone date -d "$3" +%s)
  shift 3
  local_time=$(TZ=$zone date -d "$at" '+%F %T')
  utc=$(date -u -d "$at" '+%F %T UTC')
  set_clock "$zone" "$at"
  wait_for "the app looking at $local_time in $zone" 10 \
    grep -qF "reminders looked at $local_time, $utc" "$work/app.log"
  got=$(shown | "$PY" -c '
import json, sys
new = json.load(sys.stdin)[int(sys.argv[1]):]
bad = [n for n in new if n["app"] != "Leadback"]
if bad:
    sys.exit(f"FAIL: sent as another app than Leadback: {bad}")
print("|".join(sorted(n["title"] for n in new)))' "$count")
  want=$(printf '%s\n' "$@" | sort | paste -sd'|')
  [ "$got" = "$want" ] || fail "$what ($(cat "$clock")): shown [$got], expected [$want]"
  count=$((count + $#))
  local said=nothing
  [ $# = 0 ] || said=$(printf '"%s", ' "$@")
  echo "ok: $what ($(cat "$clock")): ${said%, }"
  passed=$((passed + 1))
}

leadback me --name "Ada"
leadback habits add listen-before-speaking
leadback habits add "Let someone else go first"
leadback habits add "Praise a contribution"
leadback habits add "Ask a question first"
leadback habits add "Walk at the back"
leadback habits remind "Listen before speaking" --at 09:00 --at 09:02
leadback habits remind "Let someone else go first" --at 09:01
leadback habits remind "Praise a contribution" --at 08:50
leadback habits remind "Ask a question first" --at 10:00 --at 12:00
leadback habits remind "Walk at the back" --at 02:30

set_clock Europe/Paris "2027-03-15 08:40"
LEADBACK_TEST_CLOCK=$clock LEADBACK_TESTING=1 start_app
wait_for "the app taking the test clock" 20 grep -qF "on the test clock in $clock" "$work/app.log"
step "started in Paris on a Monday" Europe/Paris "2027-03-15 08:40"

# Asleep from 08:40 to 09:03:30: 08:50 is past the grace period; 09:00, 09:01 and 09:02 are not.
step "woken after a sleep" Europe/Paris "2027-03-15 09:03:30" \
  "Listen before speaking" "Let someone else go first"
step "a minute on" Europe/Paris "2027-03-15 09:04:30"

# At 09:10 in Paris the computer is told it is in New York (04:10): the morning comes round again.
step "moved to New York" America/New_York "2027-03-15 08:10:30 UTC"
step "09:01 again, in New York" America/New_York "2027-03-15 09:01:30"
step "10:00 in New York" America/New_York "2027-03-15 10:00:30" "Ask a question first"
# A minute later, back in Paris (15:01): 12:00 was jumped over, not slept through.
step "back in Paris" Europe/Paris "2027-03-15 14:01:30 UTC" "Ask a question first"
step "a minute on" Europe/Paris "2027-03-15 15:02:30"

# Summer time begins: a minute after 01:59:30 (UTC+1) the clock reads 03:00:30 (UTC+2).
step "the night summer time begins" Europe/Paris "2027-03-28 01:59:30"
step "the clock put forward" Europe/Paris "2027-03-28 01:00:30 UTC" "Walk at the back"
step "a minute on" Europe/Paris "2027-03-28 03:01:30"

# Summer time ends: after 02:59:30 (UTC+2) the clock reads 02:00:30 (UTC+1), and 02:30 comes twice.
step "the night summer time ends" Europe/Paris "2027-10-31 00:29:30 UTC"
step "02:30 in summer time" Europe/Paris "2027-10-31 00:30:30 UTC" "Walk at the back"
step "02:59 in summer time" Europe/Paris "2027-10-31 00:59:30 UTC"
step "the clock put back" Europe/Paris "2027-10-31 01:00:30 UTC"
step "02:30 again, in winter time" Europe/Paris "2027-10-31 01:30:30 UTC"
step "03:00 in winter time" Europe/Paris "2027-10-31 02:00:30 UTC"
step "the next night" Europe/Paris "2027-11-01 02:30:30" "Walk at the back"

alive || fail "the app ended"
echo "$passed passed, 0 failed"
