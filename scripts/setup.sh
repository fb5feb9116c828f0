#!/usr/bin/env bash
# Installs what building, serving and testing the explainer need, idempotently: each step checks
# what is there and does nothing when the right version is already installed. Sources: rustup
# (the wasm32 target), crates.io (trunk, wasm-bindgen-cli), Debian (Chromium, chromedriver) and
# npm (wasm-opt from binaryen@132, esbuild, playwright-core, axe-core, from the committed package-lock.json).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

LOGS="$ROOT/target/setup-logs"
mkdir -p "$LOGS"
# Two commands started at once (make serve, make test) must not install the same thing twice.
exec 9>"${TMPDIR:-/tmp}/debt-or-dilution-setup.lock"
flock 9

setup_start=$(date +%s)
step() { # step NAME: prints what the step did and how long it took
  echo "setup: $1: $2 ($(elapsed "$3"))"
}
run_logged() { # run_logged LOGNAME CMD...: quiet unless it fails
  local log="$LOGS/$1.log"; shift
  if ! "$@" >"$log" 2>&1; then
    echo "setup: FAILED: $* (last lines of $log):" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is missing: this machine kind ships it; install it first" >&2; exit 1; }
done

# 1. The wasm32 target.
t=$(date +%s)
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "wasm32-unknown-unknown target" "present" "$t"
else
  run_logged rustup-target rustup target add wasm32-unknown-unknown
  step "wasm32-unknown-unknown target" "installed" "$t"
fi

# 2. Chromium and chromedriver from Debian.
t=$(date +%s)
if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
  step "chromium + chromedriver" "present ($("$CHROMIUM" --version 2>/dev/null | head -n 1))" "$t"
else
  export DEBIAN_FRONTEND=noninteractive
  run_logged apt-update as_root apt-get update
  run_logged apt-chromium as_root apt-get install -y --no-install-recommends chromium chromium-driver
  step "chromium + chromedriver" "installed from Debian ($("$CHROMIUM" --version 2>/dev/null | head -n 1))" "$t"
fi

# 3. trunk, exactly the version that works with this toolchain (0.22 needs a newer rustc).
t=$(date +%s)
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  step "trunk $TRUNK_VERSION" "present" "$t"
else
  echo "setup: installing trunk $TRUNK_VERSION from crates.io (several minutes on 2 cores)"
  run_logged cargo-install-trunk cargo install --locked trunk --version "$TRUNK_VERSION"
  step "trunk $TRUNK_VERSION" "installed" "$t"
fi

# 4. wasm-bindgen-cli at Cargo.lock's wasm-bindgen version. Not --locked: the crate's own
#    lockfile pins a crate version the registry no longer serves.
t=$(date +%s)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  && [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" = "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION" ]; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION" "present" "$t"
else
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (a few minutes)"
  run_logged cargo-install-wasm-bindgen cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION" "installed" "$t"
fi

# 5. npm test and build tools, exactly as package-lock.json records them.
t=$(date +%s)
stamp="$ROOT/node_modules/.installed-from-lock"
want="$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  step "npm packages" "up to date with package-lock.json" "$t"
else
  run_logged npm-ci npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
  step "npm packages" "installed with npm ci" "$t"
fi
wasm_opt_version="$(wasm-opt --version 2>/dev/null || true)"
case "$wasm_opt_version" in
  *"(version_132)"*) ;;
  *) echo "setup: wasm-opt on PATH is '$wasm_opt_version', expected binaryen 132 from node_modules" >&2; exit 1 ;;
esac

# 6. The crates, so that Trunk's offline build (Trunk.toml: offline = true) finds them.
t=$(date +%s)
if [ "${CI:-}" = "true" ]; then
  run_logged cargo-fetch cargo fetch --locked
else
  run_logged cargo-fetch cargo fetch
fi
step "crates" "fetched for every target" "$t"

echo "setup: done ($(elapsed "$setup_start"))"
