#!/usr/bin/env bash
# Before `npm test`: the browser tests drive Debian's Chromium (never a downloaded browser); the
# translation round trips run Debian's translate-toolkit and gettext's msgfmt.
# On a machine where we are root with apt, install what is missing; elsewhere say what to install.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v pocount >/dev/null || missing+=(translate-toolkit)
command -v msgfmt >/dev/null || missing+=(gettext)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need Debian's ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (or set CHROMIUM_PATH for the browser)." >&2
  exit 1
fi
