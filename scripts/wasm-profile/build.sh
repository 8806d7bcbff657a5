#!/usr/bin/env bash
# The package with the wasm name section kept, into target/pkg-prof.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet --lib --profile "${PROFILE:-wasm}" --target wasm32-unknown-unknown --no-default-features
OUT=target/${OUT:-pkg-prof}; rm -rf $OUT && mkdir -p $OUT
wasm-bindgen --target web --no-typescript --out-dir $OUT --out-name declutter_core "target/wasm32-unknown-unknown/${PROFILE:-wasm}/declutter.wasm"
cp src/js/declutter.js src/js/snapshot.js $OUT/
ls -l $OUT/*.wasm; gzip -9c $OUT/declutter_core_bg.wasm | wc -c
