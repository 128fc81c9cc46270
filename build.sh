#!/usr/bin/env bash
# Lectern's one entry point. Run `./build.sh help` for the subcommands.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "apt-get install ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

cmd_setup() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy

  # zip/unzip: the store packages (tools/package.mjs) and the tests that open them.
  apt_install chromium chromium-driver firefox-esr zip unzip

  [ -f Cargo.lock ] || cargo generate-lockfile
  local wbv
  wbv="$(wasm_bindgen_version)"
  if ! { have wasm-bindgen && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$wbv" ]; }; then
    log "cargo install wasm-bindgen-cli $wbv"
    # --debug builds in a third of the time with identical output; --locked would ask for
    # crate versions the registry here lacks.
    cargo install --debug --force wasm-bindgen-cli --version "$wbv"
  fi
  if ! have wasm-pack; then
    log "cargo install wasm-pack"
    cargo install --debug wasm-pack
  fi
  if ! have geckodriver; then
    log "cargo install geckodriver"
    cargo install --debug geckodriver
  fi
  # npm dev tools: wasm-opt from the `binaryen` package (Debian's is too old), playwright-core, ws.
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# ---------------------------------------------------------------------------------------------
# build: the wasm engine (size-optimised), copied where extension/ and www/ load it, the
# shared renderer copied into www/, and the native CLI.

WASM_OUT="target/wasm-pkg"

# wasm-bindgen, then wasm-opt, for one wasm module: NAME (the crate's wasm file) as OUT.
bind_and_optimise() {
  local name="$1" out="$2"
  # The TypeScript declarations wasm-bindgen writes (OUT.d.ts) ship beside OUT.js.
  wasm-bindgen --target web --out-dir "$WASM_OUT" --out-name "$out" \
    "target/wasm32-unknown-unknown/wasm-release/$name.wasm"
  # (The producers and target-features sections are toolchain notes no browser reads.
  # --converge runs -Oz again until it gains nothing: ~500 B gzip for ~15 s of build.
  # --low-memory-unused lets wasm-opt fold a constant added to an address into the access's
  # offset, which is only wrong where the sum wraps past 4 GB onto the first KB of memory: no
  # pointer of the program lies up there, and the first KB is the deep end of Rust's 1 MB stack
  # (placed first), so only a stack a KB short of overflowing could tell. 1.4 KB of gzip
  # (298,799 -> 297,411 B, session 26); Emscripten's optimised builds pass it too.)
  wasm-opt -Oz --converge --low-memory-unused --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$WASM_OUT/${out}_bg.wasm" -o "$WASM_OUT/${out}_bg.opt.wasm"
  mv "$WASM_OUT/${out}_bg.opt.wasm" "$WASM_OUT/${out}_bg.wasm"
}

cmd_build_wasm() {
  log "cargo build --target wasm32-unknown-unknown --profile wasm-release (the engine, and the speech module)"
  cargo build --lib --target wasm32-unknown-unknown --profile wasm-release
  cargo build -p lectern-speech --lib --target wasm32-unknown-unknown --profile wasm-release
  rm -rf "$WASM_OUT" && mkdir -p "$WASM_OUT"
  log "wasm-bindgen and wasm-opt -Oz"
  bind_and_optimise lectern lectern
  # The sentences for reading aloud: a module of their own, loaded when reading starts.
  bind_and_optimise lectern_speech lectern_speech
  for dest in extension/engine www/engine; do
    rm -rf "$dest" && mkdir -p "$dest"
    cp "$WASM_OUT"/lectern.js "$WASM_OUT"/lectern.d.ts "$WASM_OUT"/lectern_bg.wasm \
      "$WASM_OUT"/lectern_speech.js "$WASM_OUT"/lectern_speech.d.ts "$WASM_OUT"/lectern_speech_bg.wasm "$dest/"
  done
  # The demo shares the extension's renderer and its strings (www/reader and www/_locales are
  # git-ignored copies).
  rm -rf www/reader www/_locales
  cp -r extension/reader www/reader
  cp -r extension/_locales www/_locales
  local raw gz
  raw=$(wc -c <"$WASM_OUT/lectern_bg.wasm")
  gz=$(gzip -9 -c "$WASM_OUT/lectern_bg.wasm" | wc -c)
  log "wasm: $raw bytes, $gz bytes gzip -9"
  raw=$(wc -c <"$WASM_OUT/lectern_speech_bg.wasm")
  gz=$(gzip -9 -c "$WASM_OUT/lectern_speech_bg.wasm" | wc -c)
  log "speech wasm (sentences, loaded when reading starts): $raw bytes, $gz bytes gzip -9"
}

cmd_build() {
  cmd_build_wasm
  log "cargo build --release (native CLI: target/release/lectern)"
  cargo build --release --bin lectern
}

# ---------------------------------------------------------------------------------------------
# demo: setup, build, and serve www/.

cmd_demo() {
  local port="${PORT:-${1:-8080}}"
  if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port > 65535)); then
    echo "build.sh demo: the port must be a number from 0 to 65535 (got '$port')" >&2
    exit 1
  fi
  cmd_setup
  cmd_build
  cat >&2 <<MSG

  Lectern demo: http://127.0.0.1:$port/

  The unpacked extension is $ROOT/extension
    Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked → choose that folder.
    Firefox:         about:debugging#/runtime/this-firefox → Load Temporary Add-on →
                     choose $ROOT/extension/manifest.json

  Press Ctrl+C to stop the server.
MSG
  exec node tools/serve.mjs www "$port"
}

# ---------------------------------------------------------------------------------------------
# test: every tier, stopping at the first failure.

# What `git status` says, and a digest of the tracked files' changes: the same before and after
# a test run, or the run changed the work tree. Empty outside a git checkout.
tree_state() {
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
  git status --porcelain=v1 --untracked-files=all
  git diff --no-ext-diff --binary HEAD | sha256sum
}

cmd_test() {
  local before
  before="$(tree_state)"
  cmd_setup
  log "cargo fmt --check"
  cargo fmt --all -- --check
  log "cargo clippy (native)"
  cargo clippy --all-targets -- -D warnings
  log "cargo clippy (wasm32)"
  cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
  cargo clippy -p lectern-speech --lib --target wasm32-unknown-unknown -- -D warnings
  log "cargo doc (no warnings: every public item documented, every link resolves)"
  RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --features internals
  log "cargo test (native)"
  cargo test
  log "cargo package (the crate packs and builds from its package; --allow-dirty: a work tree)"
  local packaged
  if ! packaged="$(cargo package --allow-dirty --quiet 2>&1)"; then
    echo "$packaged" >&2
    exit 1
  fi
  # (Its warnings that the tests are not in the crate are what `include` in Cargo.toml asks.)
  printf '%s\n' "$packaged" | grep -v '^warning: ignoring test' >&2 || true
  cmd_build
  log "wasm tests in headless Chromium and Firefox"
  # wasm-pack finds chromedriver (Debian's) and geckodriver (cargo's) on PATH and points
  # the runner at each in turn.
  wasm-pack test --headless --chrome --firefox -- --test wasm
  log "evaluation tool's own unit tests"
  node --test tools/eval/
  log "end-to-end tests (extension and demo, Chromium and Firefox)"
  node --test --test-concurrency=1 tests/e2e/
  log "the work tree is as the tests found it"
  if [ "$(tree_state)" != "$before" ]; then
    echo "build.sh test: the test run changed the work tree (tracked files changed, or files left" >&2
    echo "that git does not ignore). Tests must write only to temporary folders. git status now:" >&2
    git status --short --untracked-files=all >&2
    exit 1
  fi
}

# ---------------------------------------------------------------------------------------------
# package: the store packages, the source archive and the engine's npm package, in dist/.

cmd_package() {
  cmd_setup
  cmd_build_wasm
  log "packages into dist/ (tools/package.mjs; web-ext lint on the Firefox package)"
  node tools/package.mjs dist
}

# ---------------------------------------------------------------------------------------------
# screenshots: the README's pictures (docs/screenshots/*.png), made on request, never by test.

cmd_screenshots() {
  cmd_setup
  cmd_build_wasm
  log "screenshots into docs/screenshots/"
  node tests/e2e/screenshots.mjs
}

# ---------------------------------------------------------------------------------------------
# new-page: a golden page for tests/pages.rs, from a saved HTML file (UTF-8).

cmd_new_page() {
  local file="${1:-}" name="${2:-}"
  if [ -z "$file" ] || [ ! -f "$file" ]; then
    echo "usage: ./build.sh new-page FILE.html [NAME]   (FILE: a saved page, UTF-8)" >&2
    exit 1
  fi
  if [ -z "$name" ]; then
    name="$(basename "$file")"
    name="${name%.*}"
  fi
  name="$(printf '%s' "$name" | tr '[:upper:]' '[:lower:]' | tr -cs 'a-z0-9' '-' | sed 's/^-*//; s/-*$//')"
  local dir="tests/pages/$name"
  if [ -z "$name" ] || [ -e "$dir" ]; then
    echo "build.sh new-page: choose another NAME ($dir exists or the name is empty)" >&2
    exit 1
  fi
  if ! iconv -f UTF-8 -t UTF-8 "$file" >/dev/null 2>&1; then
    echo "build.sh new-page: $file is not UTF-8; convert it first (e.g. iconv -f windows-1252 -t UTF-8)" >&2
    exit 1
  fi
  cargo build --release --bin lectern
  local lectern=target/release/lectern text
  text="$(mktemp)"
  # A page without an article is not a golden page: say so before writing anything.
  if ! "$lectern" --format text "$file" >"$text"; then
    rm -f "$text"
    echo "build.sh new-page: no article in $file: a page without one belongs in a unit test" >&2
    exit 1
  fi
  mkdir -p "$dir"
  cp "$file" "$dir/source.html"
  mv "$text" "$dir/expected.txt"
  chmod 644 "$dir/expected.txt"
  # The fields tests/pages.rs compares (the CLI's JSON names); null where the page has none.
  "$lectern" --format json "$file" | node -e '
    const article = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const fields = ["title", "byline", "siteName", "lang", "dir", "publishedTime"];
    const picked = Object.fromEntries(fields.map((f) => [f, article[f] ?? null]));
    process.stdout.write(JSON.stringify(picked, null, 2) + "\n");' >"$dir/expected.json"
  log "wrote $dir: source.html, expected.txt, expected.json"
  echo "---- $dir/expected.json"
  cat "$dir/expected.json"
  echo "---- $dir/expected.txt"
  cat "$dir/expected.txt"
  echo "----"
  echo "Review both: they are what the engine does today, not necessarily what it should do." \
    "Edit them to the right answer if needed; \`cargo test --test pages\` checks them." >&2
}

# ---------------------------------------------------------------------------------------------
# add-page: a golden page from a report file (the reader's "Report a problem"), its expected
# text the article with the person's corrections applied (tools/add-page.mjs).

cmd_add_page() {
  if [ -z "${1:-}" ] || [ ! -f "$1" ]; then
    echo "usage: ./build.sh add-page REPORT [NAME]   (REPORT: a lectern-report.json the reader saved)" >&2
    exit 1
  fi
  cargo build --release --bin lectern
  node tools/add-page.mjs "$@" --pages tests/pages --lectern target/release/lectern
}

# ---------------------------------------------------------------------------------------------
# eval and bench: measurements on a corpus directory (not part of the project).

cmd_eval() {
  local kind="${1:-}" dir="${2:-}"
  if [ -z "$kind" ] || [ -z "$dir" ]; then
    echo "usage: ./build.sh eval readability|trafilatura|wcxb DIR [options]" >&2
    echo "       (options: node tools/eval.mjs --help; e.g. --split tune|check|all, --engine ...)" >&2
    exit 1
  fi
  shift 2
  cargo build --release --bin lectern
  node tools/eval.mjs "$kind" "$dir" "$@"
}

cmd_bench() {
  [ -d node_modules ] || cmd_setup
  case "${1:-all}" in
    engine|memory|scaling) cargo build --release --bin lectern ;;  # run.mjs builds benches/peers itself
    *) cmd_build ;;  # browser, open, size and all measure the shipped wasm
  esac
  node benches/run.mjs "$@"
}

cmd_help() {
  cat <<'HELP'
usage: ./build.sh COMMAND

  setup            install what is missing (Rust wasm target, wasm-bindgen-cli, wasm-pack,
                   geckodriver, Debian chromium/chromium-driver/firefox-esr, npm dev tools)
  build            build the wasm engine into extension/engine and www/engine, copy the
                   reader renderer into www/reader, and build the native CLI
  demo [PORT]      setup + build + serve www/ on http://127.0.0.1:PORT (default 8080)
  test             setup + every check: fmt, clippy, docs, native tests, wasm tests in headless
                   Chromium and Firefox, end-to-end tests of the extension and the demo; fails
                   if the run changed the work tree (git status before and after)
  eval readability|trafilatura|wcxb DIR [--split tune|check|all] [--engine E] [...]
                   extraction quality on a corpus directory (e.g. ../shared/corpus/readability,
                   ../shared/corpus/wcxb-dev); --engine lectern (default), readability-js,
                   dom-smoothie or trafilatura (installed into .eval/venv on demand)
  bench [engine DIR | browser DIR | memory DIR | open [DIR] | open-against REF | extension-memory | size | transfer | sentences DIR | scaling]
                   speed, memory and size against the peers (no argument: all of them)
  package          setup + build + dist/: lectern-chromium-V.zip (Chrome Web Store),
                   lectern-firefox-V.zip (addons.mozilla.org, checked with web-ext lint),
                   lectern-source-V.zip (the committed source, for AMO) and
                   lectern-engine-V.tgz (the engine as an npm package); V: Cargo.toml's version
  screenshots      setup + build + the README's pictures in docs/screenshots/ (the reader in
                   each theme, the demo), in headless Chromium
  new-page FILE [NAME]
                   add a golden page tests/pages/NAME/ (default: FILE's name) from a saved
                   UTF-8 page: source.html, and expected.txt / expected.json written from the
                   current CLI output and printed for review; checked by `cargo test --test pages`
  add-page REPORT [NAME]
                   add a golden page tests/pages/NAME/ from a report the reader saved ("Report a
                   problem"): its page, and the expected text with the person's corrections
                   (restored blocks kept, removed ones gone) applied
  help             this text
HELP
}

case "${1:-help}" in
  setup) shift; cmd_setup "$@" ;;
  build) shift; cmd_setup; cmd_build "$@" ;;
  demo) shift; cmd_demo "$@" ;;
  test) shift; cmd_test "$@" ;;
  eval) shift; cmd_eval "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  package) shift; cmd_package "$@" ;;
  screenshots) shift; cmd_screenshots "$@" ;;
  new-page) shift; cmd_new_page "$@" ;;
  add-page) shift; cmd_add_page "$@" ;;
  help|-h|--help) cmd_help ;;
  *) echo "unknown command: $1" >&2; cmd_help >&2; exit 1 ;;
esac
