# Shell helpers shared by build.sh and scripts/setup.sh. Source it; it sets
# no options of its own.

# Prints a progress line on stderr, prefixed with the calling script's name.
log() { printf '%s: %s\n' "${LOG_NAME:-declutter}" "$*" >&2; }

# Stops with a message.
die() { log "$*"; exit 1; }

# Whether a command exists.
have() { command -v "$1" >/dev/null 2>&1; }

# Puts a rustup install's cargo on PATH in shells that never read ~/.profile
# (CI, `ssh host cmd`).
cargo_on_path() {
  if ! have cargo && [ -f "${CARGO_HOME:-$HOME/.cargo}/env" ]; then
    # shellcheck disable=SC1091
    . "${CARGO_HOME:-$HOME/.cargo}/env"
  fi
  have cargo || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
}

# Runs a command as root: directly when root (CI), else through sudo without
# a password prompt, since nobody may be there to answer it.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif have sudo; then
    sudo -n "$@"
  else
    die "need root to run: $* (run as root or install sudo)"
  fi
}

# Installs Debian packages that are not installed yet, refreshing the package
# lists at most once per run.
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The version of a crate pinned in Cargo.lock (for tools that must match it,
# like wasm-bindgen-cli).
lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "${REPO:?}/Cargo.lock"
}

# cargo-fuzz, pinned: a new release cannot change what `./build.sh test`
# runs. 0.13.2 is the newest on crates.io as of this writing.
CARGO_FUZZ_VERSION=0.13.2

# Installs cargo-fuzz $CARGO_FUZZ_VERSION unless exactly that version is
# there. --locked: built with the dependencies its release was tested with.
install_cargo_fuzz() {
  [ "$(cargo fuzz --version 2>/dev/null)" = "cargo-fuzz $CARGO_FUZZ_VERSION" ] && return 0
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes, once)"
  cargo install --quiet --locked --force cargo-fuzz --version "$CARGO_FUZZ_VERSION"
}
