#!/bin/sh
# Runs a command with no network at all: a fresh network namespace whose only interface is
# loopback (the WebDriver ports). The end-to-end tests run the real app this way, so the whole
# suite passing is the proof that Leadback needs no network; the check before the run proves the
# cut is real (no interface but lo, and no route anywhere).
set -eu

if [ "${LEADBACK_OFFLINE:-}" = inside ]; then
  ip link set lo up
  others=$(ip -o link show | grep -v ': lo:' || true)
  if [ -n "$others" ]; then
    echo "offline.sh: the namespace still has a network interface: $others" >&2
    exit 1
  fi
  if ip route get 1.1.1.1 >/dev/null 2>&1; then
    echo "offline.sh: the namespace still has a route out" >&2
    exit 1
  fi
  echo "offline.sh: running with loopback only: $*"
  exec "$@"
fi

if [ "$(id -u)" = 0 ]; then
  exec env LEADBACK_OFFLINE=inside unshare --net -- "$0" "$@"
fi
# Without root, a user namespace maps us to root inside it, which is enough to bring lo up.
exec env LEADBACK_OFFLINE=inside unshare --net --map-root-user -- "$0" "$@"
