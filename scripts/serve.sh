#!/usr/bin/env bash
# Serves the explainer at http://127.0.0.1:8080 (override with TRUNK_SERVE_ADDRESS and
# TRUNK_SERVE_PORT), rebuilding on every change to the sources. It serves the release build,
# the same bundle the tests check; SERVE_PROFILE=debug serves a faster-to-rebuild debug build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh"

profile_flag="--release"
if [ "${SERVE_PROFILE:-release}" = "debug" ]; then profile_flag=""; fi
echo "serve: building and serving on http://${TRUNK_SERVE_ADDRESS:-127.0.0.1}:${TRUNK_SERVE_PORT:-8080}/ (first build takes a minute or two; Ctrl-C stops)"
exec trunk serve $profile_flag
