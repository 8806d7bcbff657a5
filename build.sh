#!/usr/bin/env bash
# Builds, runs and tests Declutter.
#
#   ./build.sh          set up, build the release binary, run it on the seed page
#   ./build.sh test     set up, then formatting, lints, every test and 60 s
#                       of fuzzing per target
#   ./build.sh eval     score the pipeline on ../shared/corpus
#   ./build.sh bench    time the pipeline on ../shared/corpus, then beside
#                       dom_smoothie on the same pages (crates/smoothie-bench)
#   ./build.sh bench-browser [ARGS]  Declutter vs Readability.js vs Defuddle in
#                       headless Chromium (ARGS: see scripts/browser-bench.mjs)
#   ./build.sh pkg      build the wasm package into pkg/ and print its sizes
#   ./build.sh demo     build the package and serve the www/ demo on localhost
#   ./build.sh extension  package the browser extension into dist/ (zips too)
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
  sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "$0" >&2
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
  cargo build --release -p declutter-cli
  log "blocks of $SEED_PAGE:"
  cargo run --release --quiet -p declutter-cli -- blocks "$SEED_PAGE"
}

# `declutter bench` (one core and all cores, trafilatura pages), then
# Declutter and dom_smoothie side by side on one thread over the three
# corpora. The side-by-side crate is a workspace of its own so that only
# this command ever compiles dom_smoothie; it builds into the main target/
# to reuse the dependencies the two share. Cargo alone, not `setup`: the
# native benchmarks need nothing else, and setup installs what the browser
# tests need (npm packages, Firefox language packs).
run_bench() {
  cargo_on_path
  cargo run --release -p declutter-cli -- bench
  log "Declutter and dom_smoothie side by side"
  cargo run --release --locked --manifest-path crates/smoothie-bench/Cargo.toml \
    --target-dir "$REPO/target" -- ../shared/corpus
}

# The wasm package (crates/declutter-wasm and its JavaScript API) into pkg/,
# by the one wasm recipe.
build_pkg() {
  setup
  LOG_NAME=$LOG_NAME scripts/build-pkg.sh
}

run_tests() {
  setup
  log "cargo fmt --check"
  cargo fmt --check
  log "cargo clippy"
  cargo clippy --workspace --all-targets -- -D warnings
  log "cargo clippy (wasm)"
  cargo clippy -p declutter-wasm --all-targets --target wasm32-unknown-unknown --features websys-walker -- -D warnings
  cargo clippy -p declutter-wasm-html --all-targets --target wasm32-unknown-unknown -- -D warnings
  # Release: the corpus quality gate analyses over a thousand pages.
  log "cargo test --release"
  cargo test --workspace --release
  log "fuzzing, 60 s per target"
  scripts/fuzz.sh 60
  build_pkg
  log "node example"
  node examples/node/test.mjs
  log "browser front vs html5ever front, in Chromium and Firefox"
  scripts/browser-agreement.sh
  log "demo in Chromium and Firefox"
  node tests/browser/demo/run.mjs
  log "extension: unit tests, package, web-ext lint, end to end in Chromium and Firefox"
  node --test extension/
  node scripts/package-extension.mjs
  node tests/browser/extension/run.mjs
  log "all checks passed"
}

mode="${1:-build}"
[ "$#" -le 1 ] || [ "$mode" = bench-browser ] || usage 2
case "$mode" in
  build | test | eval | bench | bench-browser | pkg | demo | extension) ;;
  -h | --help | help) usage 0 ;;
  *) log "unknown command '$mode'"; usage 2 ;;
esac
require_shared

case "$mode" in
  build) build_and_run ;;
  test) run_tests ;;
  eval) setup; cargo run --release -p declutter-cli -- eval ;;
  bench) run_bench ;;
  pkg) build_pkg ;;
  demo) build_pkg; exec node www/serve.mjs ;;
  extension) build_pkg; node scripts/package-extension.mjs ;;
  bench-browser) shift; build_pkg; node scripts/browser-bench.mjs "$@" ;;
esac
