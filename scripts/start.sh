#!/usr/bin/env bash
# `npm start`: everything a newcomer needs to see Parley work on one machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure.sh
ensure_npm_packages
# A browser is only launched when there is a screen to show it on.
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && ! command -v chromium >/dev/null; then
  ensure_debian_packages chromium
fi
exec node --import tsx scripts/start.ts
