#!/usr/bin/env bash
# Checks in headless Chromium and Firefox that the browser front
# (DOMParser + the package's snapshot.js + the snapshot reader) gives the
# blocks the html5ever front gives: the wasm crate's test
# crates/declutter-wasm/tests/web_agreement.rs, over the fixtures and the
# corpora in ../shared, served on 127.0.0.1 with CORS.
#
#   scripts/browser-agreement.sh [chromium|firefox]...   (default: both)
#
# AGREEMENT_PORT picks the server's port (fixed, so the test's compile-time
# URL stays the same and cargo does not rebuild it on every run).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOG_NAME=browser-agreement
# shellcheck source=scripts/lib.sh
. "$REPO/scripts/lib.sh"
cd "$REPO"

PORT="${AGREEMENT_PORT:-47291}"
SITE=target/browser-agreement/site
CHROMEDRIVER_BIN="${CHROMEDRIVER:-/usr/bin/chromedriver}"
GECKODRIVER_BIN="${GECKODRIVER:-${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver}"

cargo_on_path
[ -d ../shared/corpus ] || die "../shared/corpus not found: the corpora live beside the repository"
have wasm-bindgen-test-runner || die "wasm-bindgen-test-runner not found: run scripts/setup.sh"
have node || die "node not found: run scripts/setup.sh"

browsers=("$@")
[ "${#browsers[@]}" -gt 0 ] || browsers=(chromium firefox)

# The served folder: the corpora and fixtures, and the page list the test
# reads (rewritten every run, so pages added to ../shared are picked up).
rm -rf "$SITE" && mkdir -p "$SITE"
ln -s "$REPO/../shared/corpus" "$SITE/corpus"
ln -s "$REPO/../shared/fixtures" "$SITE/fixtures"
(cd "$SITE" && node -e '
  const { readdirSync, existsSync } = require("node:fs");
  const ls = (d) => readdirSync(d).sort();
  const index = {
    readability: ls("corpus/readability").map((d) => `corpus/readability/${d}/source.html`).filter((p) => existsSync(p)),
    trafilatura: ls("corpus/trafilatura/html").map((f) => `corpus/trafilatura/html/${f}`),
  };
  require("node:fs").writeFileSync("index.json", JSON.stringify(index));
  console.error(`browser-agreement: index: ${index.readability.length} readability, ${index.trafilatura.length} trafilatura pages`);
')

server_pid=
stop_server() { [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; }
trap stop_server EXIT
node scripts/serve.mjs "$SITE" "$PORT" --cors >target/browser-agreement/server.log 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  grep -q '^http' target/browser-agreement/server.log && break
  kill -0 "$server_pid" 2>/dev/null || die "the corpus server did not start: $(cat target/browser-agreement/server.log)"
  sleep 0.1
done
url=$(grep -m1 '^http' target/browser-agreement/server.log) || die "the corpus server gave no URL"
log "corpus served at $url"

export DECLUTTER_CORPUS_URL="$url"
# The corpus test analyses over a thousand pages twice in one test.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-1800}"

failed=()
for browser in "${browsers[@]}"; do
  case "$browser" in
    chromium) [ -x "$CHROMEDRIVER_BIN" ] || die "chromedriver not found at $CHROMEDRIVER_BIN"
              driver=(env -u GECKODRIVER CHROMEDRIVER="$CHROMEDRIVER_BIN") ;;
    firefox)  [ -x "$GECKODRIVER_BIN" ] || die "geckodriver not found at $GECKODRIVER_BIN"
              driver=(env -u CHROMEDRIVER GECKODRIVER="$GECKODRIVER_BIN") ;;
    *) die "unknown browser $browser (chromium or firefox)" ;;
  esac
  log "$browser: cargo test (wasm, release) --test web_agreement"
  start=$SECONDS
  if "${driver[@]}" cargo test --release --target wasm32-unknown-unknown -p declutter-wasm \
      --test web_agreement -- --nocapture; then
    log "$browser: passed in $((SECONDS - start)) s"
  else
    log "$browser: FAILED after $((SECONDS - start)) s"
    failed+=("$browser")
  fi
done

[ "${#failed[@]}" -eq 0 ] || die "agreement failed in: ${failed[*]}"
log "the fronts agree in: ${browsers[*]}"
