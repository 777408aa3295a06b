#!/usr/bin/env bash
# Before `npm test`: the browser tests drive Debian's Chromium (never a downloaded browser).
# On a machine where we are root with apt, install what is missing; elsewhere say what to install.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the browser tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The browser tests need Debian's ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (or set CHROMIUM_PATH)." >&2
  exit 1
fi
