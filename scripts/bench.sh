#!/usr/bin/env bash
# `make bench` (issue 8): builds the release bundle and a wasm build of the Monte Carlo alone,
# times the Monte Carlo natively (`cargo bench --bench model`), then measures the page in
# headless Chromium (scripts/bench.mjs) and prints one table, each figure beside its budget.
# Prints numbers; never fails on timing. Not part of `make test` or .ci/run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh" >/dev/null

TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BENCH_DIST="${BENCH_DIST:-$TARGET_DIR/bench-dist}"
BENCH_WASM="$TARGET_DIR/bench-wasm"

echo "bench: release build into ${BENCH_DIST#$ROOT/}" >&2
rm -rf "$BENCH_DIST"
trunk build --release --public-url ./ --dist "$BENCH_DIST" >/dev/null

# The model's Monte Carlo alone, with the app's release profile and wasm-opt settings (index.html).
echo "bench: wasm build of run_monte_carlo (examples/mc_bench.rs)" >&2
cargo build -q --release --target wasm32-unknown-unknown --example mc_bench
rm -rf "$BENCH_WASM" && mkdir -p "$BENCH_WASM"
wasm-bindgen --target web --no-typescript --out-dir "$BENCH_WASM" \
  "$TARGET_DIR/wasm32-unknown-unknown/release/examples/mc_bench.wasm"
opt_params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
# shellcheck disable=SC2086
wasm-opt -Os $opt_params "$BENCH_WASM/mc_bench_bg.wasm" -o "$BENCH_WASM/mc_bench_bg.wasm"

# Native: the model bench's Monte Carlo line (median of 10 runs, single-threaded).
echo "bench: cargo bench --bench model" >&2
native_out=$(cargo bench -q --bench model 2>/dev/null)
native_ms=$(printf '%s\n' "$native_out" | awk '/^Monte Carlo: 10,000 paths x 72 months/ {
  for (i = 1; i <= NF; i++) if ($i == "median") { v = $(i + 1); u = $(i + 2) }
  if (u == "µs") v = v / 1000; print v }')

BENCH_DIST="$BENCH_DIST" BENCH_WASM="$BENCH_WASM" NATIVE_MC_MS="${native_ms:-}" node scripts/bench.mjs
