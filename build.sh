#!/usr/bin/env bash
# Builds, runs and tests Declutter.
#
#   ./build.sh          set up, build the release binary, run it on the seed page
#   ./build.sh test     set up, then formatting, lints and every test
#   ./build.sh eval     score the pipeline on ../shared/corpus
#   ./build.sh bench    time the pipeline on ../shared/corpus
#
# The development corpora and the seed fixture live in ../shared, beside the
# repository.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_NAME=build.sh
# shellcheck source=scripts/lib.sh
. "$REPO/scripts/lib.sh"
cd "$REPO"

SEED_PAGE=../shared/fixtures/seed-news-page.html

# Prints the header comment; exits with the given code.
usage() {
  sed -n '2,10s/^# \{0,1\}//p' "$0" >&2
  exit "$1"
}

require_shared() {
  [ -d ../shared ] || die "../shared not found (looked for $(dirname "$REPO")/shared): it holds the corpora and the seed page; put it beside the repository"
  [ -f "$SEED_PAGE" ] || die "$SEED_PAGE not found: ../shared looks incomplete"
}

setup() {
  "$REPO/scripts/setup.sh"
  cargo_on_path
}

build_and_run() {
  setup
  cargo build --release
  log "blocks of $SEED_PAGE:"
  cargo run --release --quiet -- blocks "$SEED_PAGE"
}

run_tests() {
  setup
  log "cargo fmt --check"
  cargo fmt --check
  log "cargo clippy"
  cargo clippy --all-targets -- -D warnings
  # Release: the corpus quality gate analyses over a thousand pages.
  log "cargo test --release"
  cargo test --release
  log "all checks passed"
}

[ "$#" -le 1 ] || usage 2
mode="${1:-build}"
case "$mode" in
  build | test | eval | bench) ;;
  -h | --help | help) usage 0 ;;
  *) log "unknown command '$mode'"; usage 2 ;;
esac
require_shared

case "$mode" in
  build) build_and_run ;;
  test) run_tests ;;
  eval) setup; cargo run --release -- eval ;;
  bench) setup; cargo run --release -- bench ;;
esac
