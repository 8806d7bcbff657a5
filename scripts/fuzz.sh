#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer): the targets in fuzz/ (html:
# bytes -> analyze_html -> markdown; snapshot: a decoded DOM snapshot ->
# analyze_snapshot; text: a string -> analyze_text), one after the other.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   (default: 60 s each, all targets)
#
# Exits non-zero if any target crashed (panic, overflow, sanitizer report,
# timeout, out of memory) or failed to build; the inputs are left in
# fuzz/artifacts/<target>/ and each one must become a regression test in
# tests/pathological.rs. A run that finds nothing exits 0. `./build.sh test`
# runs it for 60 s per target.
#
# Toolchain: cargo-fuzz needs nightly-only rustc flags (-Zsanitizer=address
# and the coverage instrumentation). The default (stable) toolchain is told
# to accept them with RUSTC_BOOTSTRAP=1: the flag only lifts the stability
# gate, stable ships the AddressSanitizer runtime, and so a fresh CI machine
# needs no nightly download (tested with stable 1.95: ASan reports, panics
# and overflows all fail the run). FUZZ_TOOLCHAIN=nightly uses `cargo
# +nightly` instead. The fuzz build lives in fuzz/target (or
# $CARGO_TARGET_DIR); the first one takes a few minutes.
#
# Sanitizer: AddressSanitizer by default (cargo-fuzz's own default);
# FUZZ_SANITIZER=none roughly doubles the executions per second, and the
# crate itself has no unsafe code for ASan to watch.
#
# Seeds: on the first run of a target its corpus (fuzz/corpus/<target>, not
# committed) gets a sample of the ../shared corpus pages and every XSS vector
# wrapped in an article page; later runs keep what the fuzzer found.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOG_NAME=fuzz
# shellcheck source=scripts/lib.sh
. "$REPO/scripts/lib.sh"
cd "$REPO"

SECS="${1:-60}"
[ "$#" -gt 0 ] && shift
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(html snapshot text)
# Seed pages larger than this are skipped (libFuzzer would cut them anyway).
MAX_LEN=65536
# How many corpus pages seed each target.
SEED_PAGES=80
SHARED="$REPO/../shared/corpus"
LOGS="$REPO/target/fuzz-logs"
mkdir -p "$LOGS"

# Per input: a page of at most MAX_LEN bytes normally takes milliseconds
# even under ASan, so one that takes TIMEOUT seconds or needs RSS_LIMIT_MB
# is a complexity bug (natively, the hostile-page cases stay within ~3 s and
# ~300 MB per MB of input; ASan costs 2-3x). The timeout is well under a 60 s run so it can fire
# within one; the memory limit is libFuzzer's default, which a small CI
# machine can afford.
TIMEOUT=20
RSS_LIMIT_MB=2048

cargo_on_path
install_cargo_fuzz
toolchain=()
[ -n "${FUZZ_TOOLCHAIN:-}" ] && toolchain=(+"$FUZZ_TOOLCHAIN")
export RUSTC_BOOTSTRAP=1
sanitizer="${FUZZ_SANITIZER:-address}"

# Copies the seed pages into $1, each prefixed with the bytes in $2 (the
# snapshot target's mode byte).
seed() {
  local dir="$1" prefix="$2" f i=0
  mkdir -p "$dir"
  [ -z "$(ls -A "$dir")" ] || return 0
  if [ ! -d "$SHARED" ]; then
    log "no $SHARED: starting $dir from an empty corpus"
    return 0
  fi
  while IFS= read -r f; do
    i=$((i + 1))
    { printf "$prefix"; cat "$f"; } >"$dir/page-$i"
  done < <(find "$SHARED/readability" "$SHARED/trafilatura" -type f \
    \( -name source.html -o -name '*.html' \) -size -"$((MAX_LEN / 1024))"k |
    sort | awk -v n="$SEED_PAGES" 'NR % 5 == 0 && ++k <= n')
  if [ -f "$SHARED/xss/vectors.json" ] && have node; then
    node -e '
      const fs = require("fs");
      const [file, dir, prefix] = process.argv.slice(1);
      JSON.parse(fs.readFileSync(file, "utf8")).forEach((v, i) => {
        const page = "<!doctype html><html><head><title>Story</title></head><body><article>" +
          "<h1>Story</h1><p>The council voted on Tuesday to approve the budget.</p>" +
          v.payload + "<p>It raises spending on schools and roads.</p></article></body></html>";
        fs.writeFileSync(`${dir}/xss-${i}`, Buffer.concat([Buffer.from(prefix, "latin1"), Buffer.from(page)]));
      });' "$SHARED/xss/vectors.json" "$dir" "$(printf "$prefix")"
  fi
  log "seeded $dir with $(ls "$dir" | wc -l) inputs"
}

log "building ${targets[*]} (sanitizer: $sanitizer)"
for t in "${targets[@]}"; do
  (cd fuzz && cargo "${toolchain[@]}" fuzz build --sanitizer "$sanitizer" "$t") ||
    die "$t: the fuzz target does not build"
done

failed=()
for t in "${targets[@]}"; do
  # The snapshot target reads a first byte of 0x81 as "an HTML page, whole".
  if [ "$t" = snapshot ]; then seed "fuzz/corpus/$t" '\x81'; else seed "fuzz/corpus/$t" ''; fi
  log "$t: ${SECS}s"
  status=0
  (cd fuzz && cargo "${toolchain[@]}" fuzz run --sanitizer "$sanitizer" "$t" "corpus/$t" -- \
    -max_total_time="$SECS" -max_len="$MAX_LEN" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_LIMIT_MB" \
    -print_final_stats=1) >"$LOGS/$t.log" 2>&1 || status=$?
  cov="$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$LOGS/$t.log" | tail -1 || true)"
  execs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$LOGS/$t.log" | grep -Eo '[0-9]+$' || true)"
  rate="$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$LOGS/$t.log" | grep -Eo '[0-9]+$' || true)"
  slowest="$(grep -Eo 'stat::slowest_unit_time_sec: *[0-9]+' "$LOGS/$t.log" | grep -Eo '[0-9]+$' || true)"
  rss="$(grep -Eo 'stat::peak_rss_mb: *[0-9]+' "$LOGS/$t.log" | grep -Eo '[0-9]+$' || true)"
  log "$t: ${execs:-?} execs, ${rate:-?}/s, ${cov:-no coverage line}, slowest input ${slowest:-?} s, peak RSS ${rss:-?} MB (log: $LOGS/$t.log)"
  if [ "$status" -ne 0 ]; then
    log "$t: CRASH (exit $status); inputs in fuzz/artifacts/$t/"
    grep -E 'panicked|ERROR: |SUMMARY' "$LOGS/$t.log" | head -5 >&2 || true
    failed+=("$t")
  fi
done
[ "${#failed[@]}" -eq 0 ] || die "crashed: ${failed[*]}"
log "no crash in ${targets[*]}"
