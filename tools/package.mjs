// The packages people install, from the built tree (`./build.sh build` first; `./build.sh
// package` does both):
//
//   node tools/package.mjs OUT_DIR
//
// writes into OUT_DIR (made if missing, its old packages replaced):
//   lectern-chromium-V.zip        the Chrome Web Store upload
//   lectern-firefox-V.zip         the addons.mozilla.org upload (an .xpi is this zip)
//   lectern-source-V.zip          the source AMO asks for: the committed tree (`git archive
//                                 HEAD`), whose README says how to build it
//   lectern-engine-V.tgz          the engine as an npm package (`npm pack`)
// and checks the Firefox package with Mozilla's linter (`web-ext lint`): any error or warning
// fails the run.
//
// One manifest, two packages: extension/manifest.json serves both browsers unpacked; each
// package gets a copy without the keys its store's browser ignores or warns about (Chromium:
// `background.scripts` and `browser_specific_settings`; Firefox: `background.service_worker`
// and the `offscreen` permission).
// One version: Cargo.toml's `[package] version`, stamped into both manifests and the npm
// package; extension/manifest.json must say the same (the run fails otherwise, saying so).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION = join(ROOT, 'extension');
const BIN = join(ROOT, 'node_modules', '.bin');

/** The one version: Cargo.toml's `[package] version`. */
export function version() {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const pkg = cargo.slice(cargo.indexOf('[package]'));
  const match = pkg.match(/^version\s*=\s*"([^"]+)"/m);
  if (!match) throw new Error('Cargo.toml: no [package] version');
  return match[1];
}

/** The store packages' manifests, from the one manifest. */
export function browserManifest(manifest, browser) {
  const copy = structuredClone(manifest);
  copy.version = version();
  if (browser === 'chromium') {
    delete copy.background.scripts;
    delete copy.browser_specific_settings;
  } else if (browser === 'firefox') {
    delete copy.background.service_worker;
    // Chromium's offscreen documents (the engine keeper, engine-keeper.js): Firefox has none.
    copy.permissions = copy.permissions.filter((p) => p !== 'offscreen');
  } else {
    throw new Error(`unknown browser ${browser}`);
  }
  return copy;
}

function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** Zips the contents of `dir` into `file` (no folder entries, fixed order, no extra fields). */
function zipDir(dir, file) {
  rmSync(file, { force: true });
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1))
    .sort();
  run('zip', ['-X', '-q', '-D', file, ...files], { cwd: dir });
}

/** Stages the extension for `browser` in a new folder under `work`; returns the folder. */
function stageExtension(work, browser) {
  const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'));
  if (manifest.version !== version()) {
    throw new Error(`extension/manifest.json says version ${manifest.version}, Cargo.toml ${version()}: ` +
      'the version lives in Cargo.toml; write the same in the manifest');
  }
  if (!existsSync(join(EXTENSION, 'engine', 'lectern_bg.wasm'))) {
    throw new Error('extension/engine/ is empty: run ./build.sh build first');
  }
  const dir = join(work, browser);
  cpSync(EXTENSION, dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(browserManifest(manifest, browser), null, 2)}\n`);
  return dir;
}

/**
 * Mozilla's linter on an extension folder: { errors, warnings, notices } (arrays of
 * { code, message, file }).
 */
export function lintFirefox(dir) {
  let out;
  try {
    out = run(join(BIN, 'web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery']);
  } catch (error) {
    // web-ext exits non-zero when there are errors; the report is on stdout all the same.
    out = error.stdout;
    if (!out) throw error;
  }
  const report = JSON.parse(out.slice(out.indexOf('{')));
  const pick = (list) => (list ?? []).map(({ code, message, file }) => ({ code, message, file }));
  return { errors: pick(report.errors), warnings: pick(report.warnings), notices: pick(report.notices) };
}

/** The engine's npm package: stages it and packs it into `out`; returns the tarball's path. */
function packEngine(work, out) {
  const dir = join(work, 'engine');
  mkdirSync(dir);
  for (const file of ['lectern.js', 'lectern_bg.wasm', 'lectern.d.ts']) {
    cpSync(join(EXTENSION, 'engine', file), join(dir, file));
  }
  cpSync(join(ROOT, 'packages', 'engine', 'README.md'), join(dir, 'README.md'));
  for (const file of ['LICENSE-MIT', 'LICENSE-APACHE']) cpSync(join(ROOT, file), join(dir, file));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'packages', 'engine', 'package.json'), 'utf8'));
  pkg.version = version();
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const name = run('npm', ['pack', '--silent', '--pack-destination', out], { cwd: dir }).trim().split('\n').pop();
  return join(out, name);
}

/** Writes every package into `outDir`; returns their paths and the Firefox lint report. */
export function buildPackages(outDir) {
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const v = version();
  const work = mkdtempSync(join(tmpdir(), 'lectern-package-'));
  try {
    const chromium = join(out, `lectern-chromium-${v}.zip`);
    const firefox = join(out, `lectern-firefox-${v}.zip`);
    const source = join(out, `lectern-source-${v}.zip`);
    zipDir(stageExtension(work, 'chromium'), chromium);
    const firefoxDir = stageExtension(work, 'firefox');
    const lint = lintFirefox(firefoxDir);
    zipDir(firefoxDir, firefox);
    rmSync(source, { force: true });
    run('git', ['archive', '--format=zip', `--prefix=lectern-${v}/`, '-o', source, 'HEAD']);
    for (const old of readdirSync(out).filter((f) => /^lectern-engine-.*\.tgz$/.test(f))) rmSync(join(out, old));
    const engine = packEngine(work, out);
    return { version: v, chromium, firefox, source, engine, lint };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node tools/package.mjs OUT_DIR');
    process.exit(1);
  }
  const result = buildPackages(outDir);
  for (const key of ['chromium', 'firefox', 'source', 'engine']) console.log(result[key]);
  const { errors, warnings } = result.lint;
  for (const m of [...errors, ...warnings]) console.error(`web-ext lint: ${m.code}: ${m.message} (${m.file ?? ''})`);
  if (errors.length || warnings.length) {
    console.error(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings on the Firefox package`);
    process.exit(1);
  }
  console.log('web-ext lint: no errors, no warnings');
}
