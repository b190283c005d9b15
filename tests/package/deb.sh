#!/usr/bin/env bash
# The release .deb, as a user gets it: the binary is within its size budget, the package installs
# with dpkg, puts the binary, the menu entry and the icons where a desktop finds them, and the
# installed app opens its window and creates its database in the folder given by --data-dir.
# Afterwards the package is removed again (LEADBACK_KEEP_INSTALLED=1 keeps it).
#
#   tests/package/deb.sh [PATH.deb]    (default: the one `tauri build --bundles deb` just made)
#
# Needs root or sudo (dpkg), xvfb-run, xwininfo (x11-utils) and dbus-run-session; `make
# package-test` installs them, builds the .deb and runs this.
set -euo pipefail
cd "$(dirname "$0")/../.."

SUDO=${SUDO-$([ "$(id -u)" = 0 ] || echo sudo)}
# The brief's 15 MB, plus the 5 MB issue #21 allows for typesetting names and notes in every
# script (shaping, bidi, CFF and collection fonts embedded as subsets): 14.7 MB before it.
MAX_BINARY_BYTES=$((20 * 1024 * 1024))
BIN=leadback-app
ICON_SIZES="32 64 128 256 512"

version=$(node -p 'require("./tauri.conf.json").version')
deb=${1:-target/release/bundle/deb/Leadback_${version}_$(dpkg --print-architecture).deb}

failures=0
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
step() { echo; echo "== $*"; }
# Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian).
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }

step "Release binary size"
release_bin=target/release/$BIN
[ -f "$release_bin" ] || { echo "FAIL: $release_bin not found; build it with 'make package'" >&2; exit 1; }
bytes=$(stat -c %s "$release_bin")
echo "release binary: $bytes bytes ($(mib "$bytes")), budget $MAX_BINARY_BYTES bytes ($(mib $MAX_BINARY_BYTES))"
if [ "$bytes" -le "$MAX_BINARY_BYTES" ]; then ok "binary within budget"; else fail "binary over budget"; fi

step "Package $deb"
[ -f "$deb" ] || { echo "FAIL: $deb not found; build it with 'make package'" >&2; exit 1; }
package=$(dpkg-deb -f "$deb" Package)
echo "package $package $(dpkg-deb -f "$deb" Version), $(stat -c %s "$deb") bytes, depends: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print "    " $6 }'

step "Install"
DEBIAN_FRONTEND=noninteractive $SUDO dpkg -i "$deb"
if [ "${LEADBACK_KEEP_INSTALLED:-}" != 1 ]; then
  trap 'echo; echo "== Remove"; $SUDO dpkg -r "$package" >/dev/null && echo "removed $package"' EXIT
fi
[ "$(dpkg-query -W -f='${Status}' "$package")" = "install ok installed" ] \
  && ok "dpkg reports $package installed" || fail "dpkg does not report $package installed"

step "Installed files"
installed=/usr/bin/$BIN
if [ -x "$installed" ]; then
  ok "$installed ($(stat -c %s "$installed") bytes)"
else
  fail "$installed missing or not executable"
fi

desktop=/usr/share/applications/Leadback.desktop
if [ -f "$desktop" ]; then
  ok "$desktop"
  for line in "Name=Leadback" "Exec=$BIN" "Icon=$BIN" "Type=Application"; do
    grep -qx "$line" "$desktop" && ok "  $line" || fail "  $desktop lacks the line $line"
  done
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" && ok "  desktop-file-validate is happy" || fail "  desktop-file-validate found problems"
  fi
else
  fail "$desktop missing"
fi

for size in $ICON_SIZES; do
  icon=/usr/share/icons/hicolor/${size}x${size}/apps/$BIN.png
  if [ ! -f "$icon" ]; then
    fail "$icon missing"
  elif [ "$(png_size "$icon")" != "${size}x${size}" ]; then
    fail "$icon is $(png_size "$icon"), not ${size}x${size}"
  else
    ok "$icon"
  fi
done

step "The installed app opens its window"
scratch=$(mktemp -d)
data_dir=$scratch/data
mkdir -p "$data_dir"
# Its own X server, D-Bus session and XDG folders: a Leadback already running on this desktop
# cannot swallow the launch (single instance), and the test leaves no window state behind.
if env -u LEADBACK_DATA_DIR \
  XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/share" \
  XDG_CACHE_HOME="$scratch/cache" XDG_STATE_HOME="$scratch/state" \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- tests/package/window-opens.sh "$installed" "$data_dir" 60 2> "$scratch/session.log"; then
  ok "window check passed"
else
  echo "--- X and D-Bus session messages ---"; tail -n 30 "$scratch/session.log"
  fail "window check failed"
fi
default_db=$scratch/share/app.leadback.desktop/leadback.sqlite3
[ ! -e "$default_db" ] && ok "nothing was written to the default data folder" \
  || fail "a database appeared in the default folder despite --data-dir: $default_db"
# The D-Bus session may have started xdg-document-portal, whose FUSE mount under the scratch
# cache folder can outlive the session by a moment: unmount it before removing the folder.
while read -r _ mountpoint _; do
  case $mountpoint in
    "$scratch"/*) fusermount3 -uz "$mountpoint" 2>/dev/null || $SUDO umount -l "$mountpoint" || true ;;
  esac
done </proc/mounts
rm -rf "$scratch" || echo "note: could not remove $scratch (left for the system to clean)"

echo
if [ "$failures" -gt 0 ]; then
  echo "package test: $failures check(s) failed" >&2
  exit 1
fi
echo "package test: all checks passed"
