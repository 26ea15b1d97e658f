#!/usr/bin/env bash
# `make demo`: the whole product on one machine (docs/sandbox.md). A hub with
# the engagement index and the aggregating services, four adapters in front of
# four simulated booking systems, a fictional region, and one citizen's
# journey through it; then everything keeps running until Ctrl-C.
#
#   scripts/demo.sh [build-dir] [sandbox options...]   e.g. scripts/demo.sh build --kill pasis
#   TIDNAV_DEMO_DIR  working directory (default var/sandbox)
#   TIDNAV_DEMO_ONCE=1  run the journey and exit (what the test does)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ $# -gt 0 ] && shift
tidnav="$build/tools/tidnav"
args=(--dir "${TIDNAV_DEMO_DIR:-var/sandbox}")
if [ -n "${TIDNAV_DEMO_ONCE:-}" ]; then args+=(--once); fi
"$tidnav" sandbox "${args[@]}" "$@"
echo "Demo done"
