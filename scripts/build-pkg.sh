#!/usr/bin/env bash
# The one wasm recipe: builds the package's two wasm modules for
# wasm32-unknown-unknown (crates/declutter-wasm, the analysis, which reads
# pages as DOM snapshots and holds no HTML parser; crates/declutter-wasm-html,
# html5ever turning HTML text into such a snapshot, for `declutter/html`),
# runs wasm-bindgen (the CLI pinned to Cargo.lock's wasm-bindgen by
# scripts/setup.sh) on each, copies the JavaScript package from
# crates/declutter-wasm/js beside them and prints the sizes of what each
# entry makes a web app download. Used by `./build.sh pkg` (and demo, extension,
# bench-browser), scripts/walker-bench.mjs and scripts/wasm-profile/build.sh.
#
#   scripts/build-pkg.sh [--out DIR] [--profile NAME] [--features LIST] [--keep-names]
#
#   --out DIR        where the package goes (default: pkg), emptied first
#   --profile NAME   the cargo profile (default: wasm, as shipped)
#   --features LIST  features of declutter-wasm (e.g. websys-walker)
#   --no-html        leave the HTML module out (walker bench, profiling)
#   --keep-names     keep the wasm name section (for profiling)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOG_NAME=${LOG_NAME:-build-pkg}
# shellcheck source=scripts/lib.sh
. "$REPO/scripts/lib.sh"
cd "$REPO"

out=pkg profile=wasm features= strip=(--remove-name-section) html=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    --profile) profile=${2:?--profile needs a name}; shift 2 ;;
    --features) features=${2:?--features needs a list}; shift 2 ;;
    --keep-names) strip=(); shift ;;
    --no-html) html=; shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
done

JS=crates/declutter-wasm/js
wasm=target/wasm32-unknown-unknown/$profile/declutter_wasm.wasm
html_wasm=target/wasm32-unknown-unknown/$profile/declutter_wasm_html.wasm
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

cargo_on_path
# The analysis module must not hold the parser: the browser loads only it.
if cargo tree -q -p declutter-wasm --target wasm32-unknown-unknown -e normal ${features:+--features "$features"} \
  --prefix none | grep -q '^html5ever '; then
  die "html5ever is in the dependencies of declutter-wasm: the browser's module must not hold the HTML parser (issue 15)"
fi
# One cargo command per module: built together, cargo would unify the
# core's features and give the analysis module html5ever too.
log "cargo build (wasm, profile $profile${features:+, features $features})"
cargo build --quiet -p declutter-wasm --lib --profile "$profile" --target wasm32-unknown-unknown \
  ${features:+--features "$features"}
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript "${strip[@]}" --remove-producers-section \
  --out-dir "$out" --out-name declutter_core "$wasm"
cp "$JS/declutter.js" "$JS/snapshot.js" "$JS/declutter.d.ts" "$JS/README.md" "$out/"
sed "s/@VERSION@/$version/" "$JS/package.json" >"$out/package.json"
if [ -n "$html" ]; then
  log "cargo build (wasm, the HTML module, profile $profile)"
  cargo build --quiet -p declutter-wasm-html --lib --profile "$profile" --target wasm32-unknown-unknown
  wasm-bindgen --target web --no-typescript "${strip[@]}" --remove-producers-section \
    --out-dir "$out" --out-name declutter_html "$html_wasm"
  cp "$JS/html.js" "$JS/html.d.ts" "$out/"
fi

# Sizes of what a web app downloads: each file, then each entry's total
# with what it loads (declutter.js: its glue, wasm and snapshot.js;
# html.js: all of that and the parser's glue and wasm).
size_of() {
  local total=0 total_gz=0 size gz f
  for f in "$@"; do
    size=$(wc -c <"$out/$f") gz=$(gzip -9c "$out/$f" | wc -c)
    total=$((total + size)) total_gz=$((total_gz + gz))
  done
  echo "$total $total_gz"
}
main_files=(declutter_core_bg.wasm declutter_core.js declutter.js snapshot.js)
html_files=(declutter_html_bg.wasm declutter_html.js html.js)
[ -n "$html" ] || html_files=()
for f in "${main_files[@]}" "${html_files[@]}"; do
  read -r size gz < <(size_of "$f")
  printf '%s: %s: %d bytes, %d gzipped\n' "$LOG_NAME" "$out/$f" "$size" "$gz" >&2
done
read -r size gz < <(size_of "${main_files[@]}")
printf '%s: entry declutter.js (analyze, analyzeSnapshot, annotate, parse) with what it loads: %d bytes, %d gzipped\n' \
  "$LOG_NAME" "$size" "$gz" >&2
if [ -n "$html" ]; then
  read -r size gz < <(size_of "${main_files[@]}" "${html_files[@]}")
  printf '%s: entry html.js (analyzeHtml) with what it loads: %d bytes, %d gzipped\n' "$LOG_NAME" "$size" "$gz" >&2
fi
