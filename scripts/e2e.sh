#!/usr/bin/env bash
# Browser tests: installs Debian's Chromium and a CJK font when missing, builds the web app,
# then runs every e2e/tests/*.e2e.ts against a server on a throwaway database.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
tests=(e2e/tests/*.e2e.ts)
if [ ${#tests[@]} -eq 0 ]; then
  echo "no browser tests yet"
  exit 0
fi
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
  echo "installing chromium and fonts-noto-cjk"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
    || { echo "could not install chromium/fonts-noto-cjk"; exit 1; }
fi
npm run -s build -w web -- --logLevel warn
mkdir -p e2e/artifacts
rm -f e2e/artifacts/*.png # stale screenshots (of an earlier failure, say) would mislead
# One file at a time: each starts its own PostgreSQL and Chromium, and the machine has two shared cores.
npx tsx --test --test-concurrency=1 "${tests[@]}"
