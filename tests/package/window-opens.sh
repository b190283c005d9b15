#!/usr/bin/env bash
# Starts Leadback and waits for its window to be on screen, then stops it. Run it inside an X
# server of its own (deb.sh runs it under xvfb-run and dbus-run-session):
#   window-opens.sh BINARY DATA_DIR [SECONDS]
# Passes when a viewable top-level window titled "Leadback" appears, the app and its web view are
# still running a moment later, and its database exists in DATA_DIR (so --data-dir was obeyed).
set -euo pipefail

binary=$1 data_dir=$2 timeout=${3:-60}
log="$data_dir.log"

# On stdout: deb.sh keeps the D-Bus session's chatter on stderr out of sight unless this fails.
fail() {
  echo "FAIL: $*"
  if [ -s "$log" ]; then echo "--- the app's output ---"; tail -n 40 "$log"; fi
  exit 1
}

# A window with this exact title, viewable (mapped and on screen), or nothing.
leadback_window() {
  local id
  for id in $(xwininfo -root -tree | awk '/"Leadback":/ { print $1 }'); do
    if [[ $(xwininfo -id "$id") == *"Map State: IsViewable"* ]]; then echo "$id"; return; fi
  done
}

"$binary" --data-dir "$data_dir" > "$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT

started=$SECONDS window=
while [ -z "$window" ]; do
  kill -0 "$app" 2>/dev/null || fail "the app exited before opening a window"
  [ $((SECONDS - started)) -lt "$timeout" ] || fail "no Leadback window within ${timeout}s"
  sleep 0.5
  window=$(leadback_window)
done
echo "ok: window $window \"Leadback\" is viewable after $((SECONDS - started))s"
xwininfo -id "$window" | grep -E 'Width|Height' | sed 's/^ */    /'

# A window that flashes up and dies is not a working app.
sleep 3
kill -0 "$app" 2>/dev/null || fail "the app exited within 3s of opening its window"
echo "ok: the app is still running 3s later"
# The window is GTK's; the page in it is drawn by WebKit's web process, started for the UI.
# (ps shows a command's first 15 characters.)
[[ $'\n'$(ps --ppid "$app" -o comm=) == *$'\n'WebKitWebProces* ]] \
  || fail "no WebKit web process: the web view did not start"
echo "ok: the web view's WebKitWebProcess is running"

database="$data_dir/leadback.sqlite3"
[ -s "$database" ] || fail "no database at $database"
[ "$(head -c 15 "$database")" = "SQLite format 3" ] || fail "$database is not an SQLite file"
echo "ok: the app created its database in the --data-dir folder ($(stat -c %s "$database") bytes)"
