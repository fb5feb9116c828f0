#!/usr/bin/env bash
# Runs every test of the explainer, in phases with timings:
#   1. host tests        cargo test (data, model, charts with their golden SVG files)
#   2. browser (wasm)    wasm-bindgen-test in headless Chromium (components mount, canvases drawn)
#   3. release build     one `trunk build --release --public-url ./`, shared by every browser test below
#   4. end-to-end        playwright-core + Chromium on the release build, served from a sub-path
#                        under the strict CSP (tests/e2e/*.test.mjs but those of the phases below)
#   5. hostile URLs      every URL of tests/fixtures/hostile_urls.txt: page works, notices, no injection
#   6. accessibility     axe (light/dark, 1280/360 px), keyboard walkthrough, dialog focus trap, charts' text alternatives
#   7. HTML check        the Nu Html Checker (vnu-jar on /usr/bin/java): dist/index.html and the rendered DOM
#   8. size check        raw, gzip and brotli bytes of everything the page loads; fails above budget
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

# The audits of issue 9 get phases of their own (and their own timings); the end-to-end phase
# runs every other test file.
audits=(tests/e2e/hostile.test.mjs tests/e2e/a11y.test.mjs tests/e2e/dialogs.test.mjs tests/e2e/html.test.mjs)
e2e=()
for f in tests/e2e/*.test.mjs; do
  [[ " ${audits[*]} " == *" $f "* ]] || e2e+=("$f")
done
if [ "$build_ok" = "passed" ]; then
  rm -rf test-output/screenshots && mkdir -p test-output
  phase "end-to-end" node --test --test-concurrency=1 "${e2e[@]}"
  phase "hostile URLs" node --test tests/e2e/hostile.test.mjs
  phase "accessibility" node --test --test-concurrency=1 tests/e2e/a11y.test.mjs tests/e2e/dialogs.test.mjs
  phase "HTML check" node --test tests/e2e/html.test.mjs
  phase "size check" node tests/e2e/size.mjs
else
  for name in "end-to-end" "hostile URLs" "accessibility" "HTML check" "size check"; do
    skip "$name" "release build failed"
  done
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
