# The README's two commands. Each installs what it needs first (scripts/setup.sh, idempotent).
.PHONY: serve test setup preview-image bench fuzz lighthouse profile

# Serve the explainer at http://127.0.0.1:8080 (release build, rebuilt on change).
serve:
	@bash scripts/serve.sh

# Run every test: host, wasm in headless Chromium, release build, end-to-end, size budget.
test:
	@bash scripts/test.sh

# Install the tools only.
setup:
	@bash scripts/setup.sh

# Remakes public/preview.png (the link-preview image) from the release build in target/e2e-dist.
preview-image:
	@bash -c 'source scripts/env.sh && cd "$$ROOT" && node scripts/preview-image.mjs'

# Performance figures against issue 8's budgets (release build, headless Chromium, native model
# bench): prints one table, never fails on timing. Not part of `make test`.
bench:
	@bash scripts/bench.sh

# Where the page's time goes, by function (issue 8): a CPU profile of 200 slider inputs, or of
# the first load with PROFILE=load. Not part of `make test`.
profile:
	@bash scripts/cpu-profile.sh

# The long fuzz run of the URL parser (issue 9): a million generated query strings through the
# property tests of tests/model_query_fuzz.rs, in release mode.
# Not part of `make test` (which runs proptest's default 256 cases). Takes minutes.
fuzz:
	@bash -c 'source scripts/env.sh && cd "$$ROOT" && time PROPTEST_CASES=$${PROPTEST_CASES:-1000000} cargo test --release --test model_query_fuzz -- --test-threads=1'

# Lighthouse 12 (desktop preset) on the release build in target/e2e-dist (built if missing),
# served like the end-to-end tests: prints the scores against their targets (accessibility and
# best practices 100, SEO >= 90, performance >= 95) and fails below them. Not part of `make test`.
lighthouse:
	@bash scripts/lighthouse.sh
