#!/usr/bin/env bash
# `npm test`: install what is missing, then run every suite: types, both builds and Mozilla's
# linter, unit and component tests, the server on PGlite and PostgreSQL, and end to end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure.sh
ensure_npm_packages
ensure_debian_packages chromium postgresql kannel kannel-extras

results=test-results
rm -rf "$results" && mkdir -p "$results"

step() { printf '\n== %s\n' "$*"; }

step "types"
npx wxt prepare >/dev/null
npx tsc --noEmit -p .

step "build: Chrome MV3 and Firefox"
npx wxt build
npx wxt build -b firefox
step "addons-linter on the Firefox build"
npx addons-linter --self-hosted .output/firefox-mv3

step "unit, component and server suites (server on PGlite and on PostgreSQL)"
bash scripts/with-postgres.sh npx vitest run --project unit --project component --project server \
  --reporter=default --reporter=json --outputFile="$results/fast.json"

step "end to end: the built extension in Chromium against the real server"
bash scripts/with-postgres.sh npx vitest run --project e2e \
  --reporter=default --reporter=json --outputFile="$results/e2e.json"

node scripts/lib/summarize-tests.mjs "$results"/*.json
