#!/usr/bin/env bash
# Where the bundle's bytes go (issue 8): builds the app's wasm with symbol names kept (its own
# target dir, target/prof, so the release build's cache is untouched), runs wasm-bindgen and
# wasm-opt with the bundle's settings (index.html), then prints the brotli bytes per wasm section
# (scripts/wasm-sections.mjs) and twiggy's largest items. Extra arguments go to the cargo build,
# and CARGO_PROFILE_RELEASE_* / RUSTFLAGS in the environment let one compare a setting:
#   scripts/size-profile.sh                       # the shipped settings
#   CARGO_PROFILE_RELEASE_OPT_LEVEL=s PROF=target/prof-s scripts/size-profile.sh
# Needs twiggy (`cargo install twiggy`) for the item list; the section table works without it.
# A cold build takes 7-12 minutes on the project's 2-core machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

PROF="${PROF:-target/prof}"
CARGO_TARGET_DIR="$PROF" CARGO_PROFILE_RELEASE_STRIP=none \
  cargo build -q --release --target wasm32-unknown-unknown --bin debt-or-dilution "$@"
wasm-bindgen --keep-debug --target web --out-dir "$PROF/bg" "$PROF/wasm32-unknown-unknown/release/debt-or-dilution.wasm"
opt_params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
# shellcheck disable=SC2086
wasm-opt -Os $opt_params --strip-debug "$PROF/bg/debt-or-dilution_bg.wasm" -o "$PROF/shipped.wasm"
# shellcheck disable=SC2086
wasm-opt -Os -g $opt_params "$PROF/bg/debt-or-dilution_bg.wasm" -o "$PROF/named.wasm"
node scripts/wasm-sections.mjs "$PROF/shipped.wasm"
if command -v twiggy >/dev/null; then
  echo
  echo "largest items ($PROF/named.wasm; twiggy dominators / monos / paths for more):"
  twiggy top -n 40 "$PROF/named.wasm" | grep -v 'custom section\|subsection' | cut -c1-160
fi
