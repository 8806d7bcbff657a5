#!/usr/bin/env bash
# Installs what building and testing Declutter needs, on a fresh Debian
# machine that has rustup and cargo. Safe to run again: every step checks
# first and does nothing when already satisfied. Never asks a question, so it
# runs as root in CI (CI=true, no stdin) as well as for a developer.
#
# To add a step: write a `step_<name>` function that returns early when its
# tool is present, and add <name> to STEPS at the bottom.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOG_NAME=setup
# shellcheck source=scripts/lib.sh
. "$REPO/scripts/lib.sh"

# cargo itself (from rustup), on PATH.
step_cargo() {
  cargo_on_path
}

# The formatter and linter `./build.sh test` runs.
step_rust_components() {
  local component
  for component in rustfmt clippy; do
    local probe=${component/rustfmt/fmt}
    if cargo "$probe" --version >/dev/null 2>&1; then
      continue
    fi
    have rustup || die "cargo $probe is missing and rustup is not there to add $component"
    log "adding rust component $component"
    rustup component add "$component"
  done
}

# Later steps go here, each in the same shape, e.g.:
#   step_wasm_bindgen_cli() {
#     local want; want=$(lock_version wasm-bindgen)
#     [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ] && return 0
#     cargo install --locked wasm-bindgen-cli --version "$want"
#   }

STEPS=(cargo rust_components)

for step in "${STEPS[@]}"; do
  "step_$step"
done
log "ready"
