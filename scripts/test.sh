#!/usr/bin/env bash
# The whole suite: types, lint and format, API tests against a throwaway PostgreSQL, web unit tests, browser tests.
# Installs what it needs when missing (npm packages; poppler's pdftoppm; Debian's Chromium and a CJK font for browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

echo "== typecheck"
npx tsc -p tsconfig.json --noEmit

echo "== lint and format (Biome)"
npm run -s lint

# The certificate tests render a PDF page as a person sees it (poppler's pdftoppm) and read its QR code back.
if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "installing poppler-utils"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null) \
    || { echo "could not install poppler-utils"; exit 1; }
fi

echo "== server (API and data tests)"
npm run -s test -w server

if compgen -G "web/src/**/*.test.ts*" > /dev/null || ls web/src/*/*.test.ts* >/dev/null 2>&1; then
  echo "== web (unit tests)"
  npm run -s test -w web
fi

echo "== e2e (browser tests)"
bash scripts/e2e.sh
