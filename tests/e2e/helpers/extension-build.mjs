// Test builds of the extension: a copy in a temporary folder with files changed for a test or a
// benchmark. The shipped extension has no hook for tests or benchmarks; what they need is added
// to the copy here. Every change goes through patch(), which fails when what it looks for is
// not there, so a change to the extension cannot silently leave a test build unpatched.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION } from './paths.mjs';

/** A copy of `source` (the built extension by default): { dir, remove }. */
export function extensionCopy(prefix = 'lectern-test-build-', source = EXTENSION) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(source, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Replaces `from` (a string or a regular expression, which must match) in `file`. */
export function patch(file, from, to) {
  const text = readFileSync(file, 'utf8');
  const patched = text.replace(from, to);
  if (patched === text) throw new Error(`test build: ${from} not found in ${file}`);
  writeFileSync(file, patched);
}

/** Adds `code` at the start of a file (for a module: before its body runs, after its imports). */
export function prepend(file, code) {
  writeFileSync(file, code + readFileSync(file, 'utf8'));
}

/** Adds `code` at the end of a file (for a module: after its body has run). */
export function append(file, code) {
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${code}`);
}

/**
 * What the end-to-end tests reach in the background (a module: appended code sees its scope),
 * set last, so that its presence also says the background has registered its listeners:
 * - onCommand: headless Chromium does not deliver the keyboard shortcut, so the tests call the
 *   handler the `commands` event calls;
 * - checkReaderable: the optional readable-page icon's check, for a tab;
 * - backgroundEngine: the background's engine.
 */
const TEST_HOOKS = `// Test build: hooks for the end-to-end tests (tests/e2e/helpers/extension-build.mjs).
import { checkReaderable as lecternTestCheckReaderable } from './readerable-icon.js';
import { backgroundEngine as lecternTestEngine } from './engine-host.js';
globalThis.lecternTestHooks = { onCommand, toggleReader, checkReaderable: lecternTestCheckReaderable, backgroundEngine: lecternTestEngine };
`;

/** Adds the test hooks to a copy of the extension. */
export function addTestHooks(dir) {
  append(join(dir, 'background.js'), TEST_HOOKS);
}

/** A test build with the test hooks (and whatever `change(dir)` does): { dir, remove }. */
export function testBuild(prefix = 'lectern-test-build-', change = () => {}) {
  const build = extensionCopy(prefix);
  try {
    change(build.dir);
    addTestHooks(build.dir);
  } catch (error) {
    build.remove();
    throw error;
  }
  return build;
}

let shared = null;

/**
 * One test build with the test hooks for the whole test process, in one folder throughout, so
 * that the extension keeps its id (Chromium derives an unpacked extension's id from its folder)
 * and its storage across browser restarts. Removed when the process exits.
 */
export function sharedTestBuild() {
  if (!shared) {
    shared = testBuild('lectern-test-extension-');
    process.once('exit', () => shared.remove());
  }
  return shared.dir;
}
