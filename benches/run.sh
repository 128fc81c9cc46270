#!/usr/bin/env bash
# Lectern's benchmarks (issue 7). `./build.sh bench ...` calls this.
#
#   benches/run.sh                       all of them on the shared corpora, one markdown report
#   benches/run.sh engine DIR [ARGS]     native: Lectern vs dom_smoothie (benches/peers)
#   benches/run.sh browser DIR [ARGS]    wasm vs Readability.js in headless Chromium
#   benches/run.sh memory DIR [ARGS]     max RSS of the CLI on the largest pages
#   benches/run.sh size                  the shipped .wasm and the JS shell
#
# The report of a full run is also written to .bench/report-<date>.md (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
CORPUS="${LECTERN_CORPUS:-$ROOT/../shared/corpus}"
PEERS="$ROOT/target/peers/release/lectern-peers-bench"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

build_peers() {
  log "cargo build --release (benches/peers, target/peers)"
  CARGO_TARGET_DIR="$ROOT/target/peers" cargo build --release --quiet --manifest-path benches/peers/Cargo.toml
}

build_cli() {
  log "cargo build --release (the CLI)"
  cargo build --release --quiet
}

build_wasm() {
  [ -f www/engine/lectern_bg.wasm ] || { log "./build.sh build (wasm)"; ./build.sh build; }
}

engine()  { build_peers; "$PEERS" "$@"; }
browser() { build_wasm; node benches/browser.mjs "$@"; }
memory()  { build_cli; build_peers; node benches/memory.mjs "$@"; }
size()    { build_wasm; node benches/size.mjs "$@"; }

all() {
  mkdir -p .bench
  local report
  report=".bench/report-$(date +%Y-%m-%d-%H%M).md"
  {
    echo "# Lectern benchmarks, $(date -u +'%Y-%m-%d %H:%M UTC')"
    echo
    echo "Command: \`./build.sh bench\` at $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo
    engine "$CORPUS/readability"; echo
    engine "$CORPUS/trafilatura"; echo
    browser "$CORPUS/readability"; echo
    browser "$CORPUS/trafilatura"; echo
    memory "$CORPUS/trafilatura"; echo
    size
  } | tee "$report"
  log "report written to $report"
}

what="${1:-all}"
[ $# -gt 0 ] && shift
case "$what" in
  engine|browser|memory)
    [ $# -ge 1 ] || { echo "usage: benches/run.sh $what DIR [ARGS]" >&2; exit 64; }
    "$what" "$@" ;;
  size|all) "$what" "$@" ;;
  *) echo "usage: benches/run.sh [engine DIR | browser DIR | memory DIR | size]" >&2; exit 64 ;;
esac
