#!/usr/bin/env bash
# `make lighthouse`: Lighthouse 12 on the release build (issue 9). Installs lighthouse@12 into
# target/lighthouse on first use (not a devDependency: it would slow every `npm ci` in CI),
# builds the release bundle into target/e2e-dist when there is none, then runs
# scripts/lighthouse.mjs. Not part of `make test`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
LIGHTHOUSE_VERSION=12.8.2
if [ "$(target/lighthouse/node_modules/.bin/lighthouse --version 2>/dev/null || true)" != "$LIGHTHOUSE_VERSION" ]; then
  echo "lighthouse: installing lighthouse@$LIGHTHOUSE_VERSION into target/lighthouse (npm)"
  mkdir -p target/lighthouse
  npm install --no-save --no-audit --no-fund --prefix target/lighthouse "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
if [ ! -f "$E2E_DIST/index.html" ]; then
  trunk build --release --public-url ./ --dist "$E2E_DIST"
fi
node scripts/lighthouse.mjs
