#!/usr/bin/env bash
# Runs a command with a private Secret Service: gnome-keyring in its own D-Bus session, under a
# temporary HOME, so tests never touch the user's own keyring. Used by `npm test` and CI.
set -euo pipefail
if [ "${QKMS_PRIVATE_KEYRING:-}" = "1" ]; then exec "$@"; fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: '$tool' is missing (apt-get install gnome-keyring dbus-x11)" >&2; exit 2; }
done
keyring_home=$(mktemp -d -t qkms-keyring-XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
# Tools that cache under HOME (npm, playwright) must keep using the real one.
export QKMS_REAL_HOME="${HOME:-/root}" npm_config_cache="${npm_config_cache:-${HOME:-/root}/.npm}"
export HOME="$keyring_home" XDG_RUNTIME_DIR="$keyring_home/run" QKMS_PRIVATE_KEYRING=1
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS
exec dbus-run-session -- bash -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' with-keyring "$@"
