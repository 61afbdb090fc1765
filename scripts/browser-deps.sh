#!/bin/sh
# Installs axe-core (tests/browser/package.json, npm) for the browser tests' accessibility
# checks. Does nothing when it is there already; without npm the checks skip.
set -e
cd "$(dirname "$0")/../tests/browser"
[ -f node_modules/axe-core/axe.min.js ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
    echo "npm is missing: the browser tests' accessibility checks skip (install Debian's npm)." >&2
    exit 0
fi
npm ci --no-audit --no-fund --silent
