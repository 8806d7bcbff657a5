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

# The wasm target the browser module is compiled for.
step_wasm_target() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown && return 0
  have rustup || die "the wasm32-unknown-unknown target is missing and rustup is not there to add it"
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
}

# wasm-bindgen's CLI (and its test runner) must be exactly the version of
# the wasm-bindgen crate in Cargo.lock. Not --locked: the registry mirror
# lacks one of its locked dependencies.
step_wasm_bindgen_cli() {
  local want
  want=$(lock_version wasm-bindgen)
  [ -n "$want" ] || die "wasm-bindgen is not in Cargo.lock"
  [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ] && return 0
  log "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install --quiet wasm-bindgen-cli --version "$want"
}

# cargo-fuzz for the short fuzz run in `./build.sh test` (scripts/fuzz.sh).
# No nightly toolchain is installed for it: the stable compiler accepts
# cargo-fuzz's nightly-only flags (-Zsanitizer=address, the coverage
# instrumentation) under RUSTC_BOOTSTRAP=1 and ships the AddressSanitizer
# runtime itself. That spares every fresh CI machine a second toolchain
# download, and CI a nightly that may break on any given day; see
# scripts/fuzz.sh.
step_cargo_fuzz() {
  install_cargo_fuzz
}

# A C++ compiler: libfuzzer-sys compiles libFuzzer (C++) when a fuzz target
# is built. Rust itself only needs the C linker, so a fresh machine with
# rustup may well lack it.
step_cxx() {
  have c++ && return 0
  apt_install g++
}

# Headless browsers for the browser tests, from Debian: nothing downloads
# its own browser.
step_browsers() {
  apt_install chromium chromium-driver firefox-esr
}

# Firefox's German and French language packs, for the i18n browser part's
# German and French Firefox (tests/browser/extension/i18n.mjs): Debian's
# packages, unpacked into target/ rather than installed, so no other
# Firefox run sees them. The version apt offers is the installed Firefox's.
# Without one (no mirror reachable), that part says "skip" for its
# language.
step_firefox_langpack() {
  local dir="$REPO/target/langpacks" lang xpi tmp
  for lang in de fr; do
    xpi="langpack-$lang@firefox-esr.mozilla.org.xpi"
    [ -f "$dir/$xpi" ] && continue
    log "unpacking firefox-esr-l10n-$lang into target/langpacks"
    tmp=$(mktemp -d)
    if (cd "$tmp" && apt-get download "firefox-esr-l10n-$lang" >/dev/null 2>&1 && dpkg-deb -x firefox-esr-l10n-"$lang"_*.deb x); then
      mkdir -p "$dir" && cp "$tmp/x/usr/lib/firefox-esr/browser/extensions/$xpi" "$dir/"
    else
      log "firefox-esr-l10n-$lang not available: the i18n part skips Firefox in that language"
    fi
    rm -rf "$tmp"
  done
}

# Firefox's WebDriver server.
step_geckodriver() {
  have geckodriver && return 0
  log "installing geckodriver (a few minutes, once)"
  cargo install --quiet --locked geckodriver
}

# The JavaScript test drivers and vendored libraries, exactly as locked.
step_npm() {
  have npm || apt_install nodejs npm
  local stamp="$REPO/node_modules/.declutter-lock.sha256" want
  want=$(sha256sum "$REPO/package-lock.json" | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return 0
  log "npm ci"
  (cd "$REPO" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

STEPS=(cargo rust_components wasm_target wasm_bindgen_cli cxx cargo_fuzz browsers firefox_langpack geckodriver npm)

for step in "${STEPS[@]}"; do
  "step_$step"
done
log "ready"
