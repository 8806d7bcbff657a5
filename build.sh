#!/usr/bin/env bash
# Builds, runs and tests Declutter.
#
#   ./build.sh          set up, build the release binary, run it on the seed page
#   ./build.sh test     set up, then formatting, lints, every test and 60 s
#                       of fuzzing per target
#   ./build.sh eval     score the pipeline on ../shared/corpus
#   ./build.sh bench    time the pipeline on ../shared/corpus
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
  cargo build --release
  log "blocks of $SEED_PAGE:"
  cargo run --release --quiet -- blocks "$SEED_PAGE"
}

# The wasm package: the core without the CLI or the encoding tables (the
# browser hands over decoded strings), wasm-bindgen's glue, and the
# hand-written API in src/js.
build_pkg() {
  setup
  local version wasm=target/wasm32-unknown-unknown/wasm/declutter.wasm
  version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
  log "cargo build (wasm)"
  cargo build --quiet --lib --profile wasm --target wasm32-unknown-unknown --no-default-features
  rm -rf pkg && mkdir -p pkg
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir pkg --out-name declutter_core "$wasm"
  cp src/js/declutter.js src/js/snapshot.js src/js/declutter.d.ts src/js/README.md pkg/
  sed "s/@VERSION@/$version/" src/js/package.json >pkg/package.json
  pkg_sizes
}

# Sizes of what a web app downloads.
pkg_sizes() {
  local f
  for f in pkg/declutter_core_bg.wasm pkg/declutter_core.js pkg/declutter.js pkg/snapshot.js; do
    printf '%s: %s: %d bytes, %d gzipped\n' "$LOG_NAME" "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" >&2
  done
}

run_tests() {
  setup
  log "cargo fmt --check"
  cargo fmt --check
  log "cargo clippy"
  cargo clippy --all-targets -- -D warnings
  log "cargo clippy (wasm)"
  cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features websys-walker -- -D warnings
  # Release: the corpus quality gate analyses over a thousand pages.
  log "cargo test --release"
  cargo test --release
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
  eval) setup; cargo run --release -- eval ;;
  bench) setup; cargo run --release -- bench ;;
  pkg) build_pkg ;;
  demo) build_pkg; exec node www/serve.mjs ;;
  extension) build_pkg; node scripts/package-extension.mjs ;;
  bench-browser) shift; build_pkg; node scripts/browser-bench.mjs "$@" ;;
esac
