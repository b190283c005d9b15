# What the tests in tests/desktop/ share, sourced by each (after `set -euo pipefail` and a `cd` to
# the repository's root): a private X server and D-Bus session, a home and XDG folders of the run's
# own (nothing reaches the developer's desktop), a real notification daemon (Debian's dunst), and
# the CLI to set the data up.

APP=${LEADBACK_APP:-target/debug/leadback-app}
CLI=${LEADBACK_CLI:-target/debug/leadback}
# Debian's Python, with python3-dbus, python3-gi and python3-xlib (`make system-deps`).
PY=/usr/bin/python3

# Runs the calling script again under Xvfb and a private session bus, once: call with "$@".
in_desktop_session() {
  if [ -z "${LEADBACK_DESKTOP_SESSION:-}" ]; then
    [ -x "$CLI" ] || cargo build --quiet --locked -p leadback-cli
    LEADBACK_DESKTOP_SESSION=1 exec xvfb-run -a -s "-screen 0 1280x800x24" \
      dbus-run-session -- "$0" "$@"
  fi
}

work=$(mktemp -d)
started=()
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/home" "$work/config" "$work/share" "$work/cache" && mkdir -m 700 "$work/runtime"
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/share \
  XDG_CACHE_HOME=$work/cache XDG_RUNTIME_DIR=$work/runtime NO_AT_BRIDGE=1
data=$work/data

leadback() { "$CLI" --data-dir "$data" "$@" >/dev/null; }

fail() {
  echo "FAIL: $*" >&2
  if [ -s "$work/app.log" ]; then echo "the app's log:" >&2 && tail -20 "$work/app.log" >&2; fi
  exit 1
}

# wait_for WHAT SECONDS COMMAND...: until COMMAND succeeds, or fail saying WHAT did not happen.
wait_for() {
  local what=$1 limit=$2
  local deadline=$((SECONDS + limit))
  shift 2
  until "$@"; do
    [ $SECONDS -lt $deadline ] || fail "$what: not within $limit s"
    sleep 0.1
  done
}

# The daemon: each notification closes after a second and goes to its history, read by `shown`.
start_dunst() {
  printf '[global]\n  history_length = 100\n' >"$work/dunstrc"
  printf '[urgency_%s]\n  timeout = 1\n' low normal critical >>"$work/dunstrc"
  dunst -config "$work/dunstrc" >"$work/dunst.log" 2>&1 &
  started+=($!)
  wait_for "dunst starting" 10 dunst_up
}
# Asked without starting anything: `dunstctl` would have the bus start a second dunst of its own.
dunst_up() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications | grep -q 'boolean true'
}

# What the daemon has shown, oldest first, as JSON [{app, title, body}]; `dunstctl close-all` first
# moves what is still on screen to the history.
shown() {
  dunstctl close-all
  dunstctl history | "$PY" -c '
import json, sys
items = [n for group in json.load(sys.stdin)["data"] for n in group]
items.sort(key=lambda n: n["id"]["data"])
pick = lambda n: {"app": n["appname"]["data"], "title": n["summary"]["data"], "body": n["body"]["data"]}
print(json.dumps([pick(n) for n in items]))'
}

# Starts the app as at login (hidden, in the tray), with its log in $work/app.log; sets $app.
start_app() {
  "$APP" --data-dir "$data" --hidden >"$work/app.log" 2>&1 &
  app=$!
  started+=("$app")
}

alive() { kill -0 "$app" 2>/dev/null; }
