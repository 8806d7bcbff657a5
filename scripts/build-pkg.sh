#!/usr/bin/env bash
# The one wasm recipe: builds the crate crates/declutter-wasm for
# wasm32-unknown-unknown, runs wasm-bindgen (the CLI pinned to Cargo.lock's
# wasm-bindgen by scripts/setup.sh) on it, copies the JavaScript package
# from crates/declutter-wasm/js beside it and prints the sizes of what a web
# app downloads. Used by `./build.sh pkg` (and demo, extension,
# bench-browser), scripts/walker-bench.mjs and scripts/wasm-profile/build.sh.
#
#   scripts/build-pkg.sh [--out DIR] [--profile NAME] [--features LIST] [--keep-names]
#
#   --out DIR        where the package goes (default: pkg), emptied first
#   --profile NAME   the cargo profile (default: wasm, as shipped)
#   --features LIST  features of declutter-wasm (e.g. websys-walker)
#   --keep-names     keep the wasm name section (for profiling)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOG_NAME=${LOG_NAME:-build-pkg}
# shellcheck source=scripts/lib.sh
. "$REPO/scripts/lib.sh"
cd "$REPO"

out=pkg profile=wasm features= strip=(--remove-name-section)
while [ "$#" -gt 0 ]; do
  case "$1" in
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    --profile) profile=${2:?--profile needs a name}; shift 2 ;;
    --features) features=${2:?--features needs a list}; shift 2 ;;
    --keep-names) strip=(); shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
done

JS=crates/declutter-wasm/js
wasm=target/wasm32-unknown-unknown/$profile/declutter_wasm.wasm
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

cargo_on_path
log "cargo build (wasm, profile $profile${features:+, features $features})"
cargo build --quiet -p declutter-wasm --lib --profile "$profile" --target wasm32-unknown-unknown \
  ${features:+--features "$features"}
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript "${strip[@]}" --remove-producers-section \
  --out-dir "$out" --out-name declutter_core "$wasm"
cp "$JS/declutter.js" "$JS/snapshot.js" "$JS/declutter.d.ts" "$JS/README.md" "$out/"
sed "s/@VERSION@/$version/" "$JS/package.json" >"$out/package.json"

# Sizes of what a web app downloads: each file, then the entry's total
# (declutter.js loads the other three).
total=0 total_gz=0
for f in declutter_core_bg.wasm declutter_core.js declutter.js snapshot.js; do
  size=$(wc -c <"$out/$f") gz=$(gzip -9c "$out/$f" | wc -c)
  total=$((total + size)) total_gz=$((total_gz + gz))
  printf '%s: %s: %d bytes, %d gzipped\n' "$LOG_NAME" "$out/$f" "$size" "$gz" >&2
done
printf '%s: entry declutter.js (analyze, analyzeHtml, analyzeSnapshot) with what it loads: %d bytes, %d gzipped\n' \
  "$LOG_NAME" "$total" "$total_gz" >&2
