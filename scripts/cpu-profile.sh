#!/usr/bin/env bash
# `make profile` (issue 8): where the page's time goes, by function. Builds the release bundle
# with the wasm's function names kept (debug line tables on, no wasm-opt, its own target dir and
# dist so the release build's cache is untouched), then runs scripts/cpu-profile.mjs, which
# profiles headless Chromium and prints a call tree. The timings are a little slower than the
# shipped build's (no wasm-opt); compare parts, not totals, with `make bench`.
#   make profile                       # 200 slider inputs
#   PROFILE=load make profile          # the first load
#   PROFILE=input PROFILE_ARG=Coupon make profile
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" >/dev/null

# Trunk resolves the page's assets relative to its HTML file, so the variant sits beside it.
variant="$ROOT/.index-profile.html"
trap 'rm -f "$variant"' EXIT
sed 's/data-wasm-opt="s"/data-wasm-opt="0"/' index.html > "$variant"
CARGO_TARGET_DIR="$ROOT/target/profile-target" CARGO_PROFILE_RELEASE_STRIP=none CARGO_PROFILE_RELEASE_DEBUG=1 \
  trunk build --release --public-url ./ --dist "$ROOT/target/profile-dist" "$variant" >/dev/null
node scripts/cpu-profile.mjs "$ROOT/target/profile-dist" "${PROFILE:-input}" "${PROFILE_ARG:-}"
