#!/usr/bin/env bash
# Runs every test of the explainer, in phases with timings:
#   1. host tests        cargo test (data, model, charts with their golden SVG files)
#   2. browser (wasm)    wasm-bindgen-test in headless Chromium (components mount, canvases drawn)
#   3. release build     one `trunk build --release --public-url ./`, shared by every browser test below
#   4. end-to-end        playwright-core + Chromium on the release build, served from a sub-path
#                        under the strict CSP (tests/e2e/*.test.mjs)
#   5. size check        raw, gzip and brotli bytes of everything the page loads; fails above budget
# Exits non-zero if any phase fails; a phase that needs a failed one is reported as skipped.
set -uo pipefail

if [ -n "${UPDATE_GOLDENS+set}" ]; then
  echo "test: UPDATE_GOLDENS is set: the test command compares golden files and never rewrites them." >&2
  echo "test: regenerate goldens with 'UPDATE_GOLDENS=1 cargo test' (README, Other commands), review the diff, then run 'make test' without it." >&2
  exit 2
fi

source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

total_start=$(date +%s)
"$ROOT/scripts/setup.sh" || { echo "test: setup failed" >&2; exit 1; }
setup_time="$(elapsed "$total_start")"

locked=()
if [ "${CI:-}" = "true" ]; then locked=(--locked); fi

names=(); results=(); times=()
failed=0
phase() { # phase NAME CMD...
  local name="$1"; shift
  local t; t=$(date +%s)
  echo
  echo "==== test phase: $name"
  if "$@"; then results+=("passed"); else results+=("FAILED"); failed=$((failed + 1)); fi
  names+=("$name"); times+=("$(elapsed "$t")")
  echo "==== $name: ${results[-1]} in ${times[-1]}"
}
skip() { # skip NAME REASON
  names+=("$1"); results+=("skipped ($2)"); times+=("-"); failed=$((failed + 1))
  echo; echo "==== test phase: $1: skipped ($2)"
}

# --no-fail-fast: one failing test target does not hide the results of the others.
phase "host tests" cargo test "${locked[@]}" --no-fail-fast

phase "browser tests (wasm)" env WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
  cargo test "${locked[@]}" --target wasm32-unknown-unknown --test browser --test browser_panic

release_build() {
  rm -rf "$E2E_DIST"
  trunk build --release --public-url ./ --dist "$E2E_DIST"
}
phase "release build" release_build
build_ok=${results[-1]}

if [ "$build_ok" = "passed" ]; then
  rm -rf test-output/screenshots && mkdir -p test-output
  phase "end-to-end" node --test --test-concurrency=1 tests/e2e/*.test.mjs
  phase "size check" node tests/e2e/size.mjs
else
  skip "end-to-end" "release build failed"
  skip "size check" "release build failed"
fi

echo
echo "==== test summary (setup ${setup_time}, total $(elapsed "$total_start"))"
for i in "${!names[@]}"; do
  printf '  %-22s %-8s %s\n' "${names[$i]}" "${times[$i]}" "${results[$i]}"
done
if compgen -G "test-output/screenshots/*.png" >/dev/null; then
  echo "  screenshots: $(ls test-output/screenshots/*.png | sed "s#^#$ROOT/#" | tr '\n' ' ')"
fi
passed=$(( ${#names[@]} - failed ))
echo "phases: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
