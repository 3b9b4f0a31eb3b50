#!/usr/bin/env bash
# `npm test`: everything a change must pass. Installs what the tests need when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
bash scripts/ensure-firefox.sh
bash scripts/ensure-webkit.sh
bash scripts/ensure-orthanc.sh
bash scripts/ensure-nginx.sh
bash scripts/ensure-speech-tools.sh
bash scripts/ensure-dcmtk.sh
[ -d node_modules ] || npm ci
echo "== typecheck"
npx tsc --noEmit -p tsconfig.json
echo "== cases:check"
npx tsx scripts/cases-check.ts
echo "== unit and browser tests"
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node scripts/test-summary.mjs test-results/vitest.json || true
exit $status
