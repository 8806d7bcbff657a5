#!/usr/bin/env bash
# The package with the wasm name section kept, into target/pkg-prof (OUT
# under target/ and PROFILE pick others).
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/build-pkg.sh --keep-names --profile "${PROFILE:-wasm}" --out "target/${OUT:-pkg-prof}"
