// `./build.sh add-page REPORT [NAME]`: a report file saved by the reader's "Report a problem"
// becomes a golden page (tests/pages/NAME: source.html, expected.txt, expected.json), whose
// expected text is the article *with the person's corrections* (restored blocks kept, removed
// ones gone: applied as site rules, docs/site-rules.md). Until the engine gets that page right
// by itself, `cargo test --test pages` shows the difference: every report is a regression test.
//
//   node tools/add-page.mjs REPORT [NAME] --pages DIR --lectern BIN

import { readFileSync, writeFileSync, mkdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, basename } from 'node:path';
import { tmpdir } from 'node:os';

const FIELDS = ['title', 'byline', 'siteName', 'lang', 'dir', 'publishedTime'];

function fail(message) {
  process.stderr.write(`build.sh add-page: ${message}\n`);
  process.exit(1);
}

/** The report, checked: what the reader's "Report a problem" writes (format lectern-report, 1). */
export function readReport(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    throw new Error('the report is not JSON');
  }
  if (report?.format !== 'lectern-report') throw new Error('not a Lectern report (format must be "lectern-report")');
  if (report.version !== 1) throw new Error(`unsupported report version ${JSON.stringify(report.version)} (this tool reads 1)`);
  if (typeof report.html !== 'string' || !report.html.trim()) throw new Error('the report holds no page ("html")');
  if (report.url != null && typeof report.url !== 'string') throw new Error('"url" must be a string or null');
  const list = (key) => {
    const value = report.corrections?.[key] ?? [];
    if (!Array.isArray(value) || value.some((s) => typeof s !== 'string' || !s)) throw new Error(`corrections.${key} must be a list of signatures`);
    return value;
  };
  return { html: report.html, url: report.url ?? null, keep: list('keep'), remove: list('remove') };
}

function siteOf(url) {
  try {
    const { protocol, hostname } = new URL(url);
    return ['http:', 'https:'].includes(protocol) ? hostname.toLowerCase().replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

function main(argv) {
  const args = [];
  let pages = null;
  let lectern = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pages') pages = argv[++i];
    else if (argv[i] === '--lectern') lectern = argv[++i];
    else args.push(argv[i]);
  }
  const [file, givenName] = args;
  if (!file || !pages || !lectern) fail('usage: ./build.sh add-page REPORT [NAME]');
  let report;
  try {
    report = readReport(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: ${error.message}`);
  }
  const site = siteOf(report.url);
  const corrections = report.keep.length + report.remove.length;
  if (corrections && !site) fail(`${file}: corrections need the page's web address ("url")`);
  const name = (givenName || (site ? `report-${site}` : basename(file).replace(/\.[^.]*$/, '')))
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const dir = join(pages, name);
  if (!name || existsSync(dir)) fail(`choose another NAME (${dir} exists or the name is empty)`);

  const work = mkdtempSync(join(tmpdir(), 'lectern-add-page-'));
  try {
    const source = join(work, 'source.html');
    writeFileSync(source, report.html);
    const rulesArgs = [];
    if (corrections) {
      const rules = join(work, 'rules.json');
      writeFileSync(rules, JSON.stringify({
        format: 'lectern-site-rules',
        version: 1,
        rules: [
          ...report.keep.map((signature) => ({ host: site, action: 'keep', signature })),
          ...report.remove.map((signature) => ({ host: site, action: 'remove', signature })),
        ],
      }));
      rulesArgs.push('--rules', rules, '--url', report.url);
    }
    let text;
    let json;
    try {
      text = execFileSync(lectern, ['--format', 'text', ...rulesArgs, source], { encoding: 'utf8' });
      json = JSON.parse(execFileSync(lectern, ['--format', 'json', source], { encoding: 'utf8' }));
    } catch (error) {
      fail(`no article in the reported page (${String(error.stderr ?? error.message).trim()}): a page without one belongs in a unit test`);
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'source.html'), report.html);
    writeFileSync(join(dir, 'expected.txt'), text);
    const picked = Object.fromEntries(FIELDS.map((f) => [f, json[f] ?? null]));
    writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(picked, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`wrote ${dir}: source.html, expected.txt (with ${corrections} correction(s) applied), expected.json\n`);
  if (corrections) {
    process.stdout.write('The expected text is the corrected one: `cargo test --test pages` fails until the engine gets it by itself.\n');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
