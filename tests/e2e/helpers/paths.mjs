import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXTENSION = join(ROOT, 'extension');
export const WWW = join(ROOT, 'www');
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
export const CHROMIUM = process.env.LECTERN_CHROMIUM || '/usr/lib/chromium/chromium';
export const FIREFOX = process.env.LECTERN_FIREFOX || 'firefox-esr';

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const STORY_PARAGRAPHS = [
  'Ceasefire negotiations between Israel and Hamas have reached another impasse',
  'U.S. Special Envoy Steve Witkoff echoed Trump’s criticism',
  'Amid the political deadlock, humanitarian agencies warn of worsening conditions in Gaza',
  'The conflict’s prolonged nature underscores broader geopolitical tensions',
];
export const CLUTTER = ['Recent News', 'Leave a Comment', 'Your email address will not be published', 'Scroll to Top'];
export const STORY_TITLE = 'Trump: Israel to Hunt Down Hamas as Ceasefire Talks Stall';
