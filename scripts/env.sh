# Sourced by scripts/setup.sh, serve.sh and test.sh: where the tools are and the settings every
# step needs. The versions pinned here and in setup.sh are ones known to work together.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Tools installed by scripts/setup.sh: cargo installs (trunk, wasm-bindgen) and npm's
# node_modules/.bin (wasm-opt from binaryen@132, playwright-core).
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")"
export TRUNK_VERSION WASM_BINDGEN_VERSION

# Trunk: never look for a newer release (no network to GitHub here).
export TRUNK_SKIP_VERSION_CHECK=true
# Panic locations in the wasm name dependency sources by their registry path; cut the
# machine-specific prefix so the bundle is the same size wherever it is built (and smaller).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/="
# wasm-bindgen-test in headless Chromium through Debian's chromedriver.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Chromium flags for that run (the runner adds headless and no-sandbox): no background
# connections on this machine's closed network.
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json"
# The browser the end-to-end tests drive (tests/e2e/lib/browser.mjs).
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

# Where the test command's one release build goes (kept apart from dist/, which `make serve` owns).
export E2E_DIST="${E2E_DIST:-$ROOT/target/e2e-dist}"

# Seconds since an epoch-seconds start, for the timings the scripts print.
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }
