// Unit tests of the eval's scoring rules and decoding: node --test tools/eval/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  compareMetadata, scoreSnippets, shinglePR, shingles, snippetTotals, tokenize, wordPRF,
} from './scoring.mjs';
import { inSplit, splitOf } from './split.mjs';
import { decompressPages, listWcxbPages } from './corpora.mjs';
import { decodeHtml } from './decode.mjs';
import { blockDiff, classifyLeak } from './diagnose.mjs';
import { compareOutputDirs } from './compare-outputs.mjs';
import { tallyRemovals } from './rule-costs.mjs';
import { figure, splitNoise } from './split-noise.mjs';
import { agreement } from './agreement.mjs';
import { scrambleCorpus, scrambleHtml, scrambleToken } from './scramble.mjs';

test('tokens are Unicode words, case kept, punctuation dropped', () => {
  assert.deepEqual(tokenize('Hello, wörld — ça va? 42_x'), ['Hello', 'wörld', 'ça', 'va', '42_x']);
  assert.deepEqual(tokenize('हिन्दी भाषा'), ['हिन्दी', 'भाषा']); // combining marks stay inside words
});

test('shingles are a multiset of 4-word runs; short texts are one shingle', () => {
  assert.deepEqual([...shingles('a b c d e')], [['a b c d', 1], ['b c d e', 1]]);
  assert.deepEqual([...shingles('a b')], [['a b', 1]]);
  assert.equal(shingles('a b c d a b c d').get('a b c d'), 2);
});

test('shingle precision and recall, and the edge cases', () => {
  const expected = 'one two three four five six';
  assert.deepEqual(
    (({ precision, recall }) => ({ precision, recall }))(shinglePR(expected, expected)), { precision: 1, recall: 1 });
  const half = shinglePR('one two three four five', expected); // 2 of 3 shingles, nothing extra
  assert.equal(half.precision, 1);
  assert.equal(half.recall, 2 / 3);
  assert.equal(shinglePR('', expected).precision, 0); // no output is a failure on both counts
  assert.equal(shinglePR('', expected).recall, 0);
  assert.equal(shinglePR('', '').precision, 1);
  assert.equal(shinglePR('One two three four', 'one two three four').recall, 0); // case counts
});

test('metadata: whitespace collapsed, null/""/missing equal', () => {
  const r = compareMetadata({ title: ' A  title\n', byline: '' }, { title: 'A title', byline: null, lang: undefined });
  assert.equal(r.title, true);
  assert.equal(r.byline, true);
  assert.equal(r.lang, true);
  assert.equal(r.excerpt, true);
  assert.equal(compareMetadata({ title: 'a' }, { title: 'A' }).title, false);
});

test('snippets: substring after collapsing whitespace, case-sensitive, trimmed', () => {
  const text = 'First block.\n\nSecond   block\nwith words.';
  const s = scoreSnippets(text, ['First block. Second', ' Second block with ', 'second block'], ['Menu', 'words.']);
  assert.deepEqual([s.tp, s.fn, s.fp, s.tn], [2, 1, 1, 1]);
  assert.deepEqual(s.missing, ['second block']);
  const t = snippetTotals([s, { tp: 2, fn: 0, fp: 0, tn: 1 }]);
  assert.equal(t.f, (2 * 4) / (2 * 4 + 1 + 1));
});

test('decoding: BOM, then meta charset, then UTF-8, then windows-1252', () => {
  const bytes = (s, enc = 'latin1') => new Uint8Array(Buffer.from(s, enc));
  assert.equal(decodeHtml(bytes('\ufeffé', 'utf8')).source, 'bom');
  const meta = decodeHtml(bytes('<html><head><title>x</title><meta charset="windows-1252"></head><body>\xe9'));
  assert.equal(meta.encoding, 'windows-1252');
  assert.ok(meta.text.endsWith('é'));
  assert.equal(decodeHtml(bytes('<p>é</p>', 'utf8')).source, 'utf8');
  const fallback = decodeHtml(bytes('<p>\x93quoted\x94</p>'));
  assert.equal(fallback.source, 'fallback');
  assert.ok(fallback.text.includes('“quoted”'));
});

test('diagnosis helpers', () => {
  assert.deepEqual(blockDiff('a\n\nb\n\nb', 'a\n\nb\n\nb\n\nb\n\nc'), { missing: ['b', 'c'], extra: [] });
  assert.equal(classifyLeak('Menu', 'Menu\n\nText\n\nMore\n\nEven more\n\nLast'), 'first block');
  assert.equal(classifyLeak('Last', 'Menu\n\nText\n\nMore\n\nEven more\n\nLast'), 'last 3 blocks');
});

test('snippets: soft hyphens are invisible on both sides', () => {
  const s = scoreSnippets('Werk\u00adzeug\u00adtypen der Stein\u00adzeit', ['Werkzeugtypen der', 'Werk\u00adzeug'], []);
  assert.equal(s.tp, 2);
});

test('split: sha256 of "lectern-split-v1:CORPUS:NAME", first 8 hex digits mod 1000 < 300 is check', () => {
  // Values checked against Python's hashlib: nytimes-5 → 31, ars-1 → 651, 0009 → 139, 0001 → 310.
  assert.equal(splitOf('readability', 'nytimes-5'), 'check');
  assert.equal(splitOf('readability', 'ars-1'), 'tune');
  assert.equal(splitOf('wcxb', '0009'), 'check');
  assert.equal(splitOf('wcxb', '0001'), 'tune');
  assert.equal(splitOf('trafilatura', 'foo.html'), 'tune');
  assert.ok(inSplit('wcxb', '0001', 'all') && inSplit('wcxb', '0001', 'tune') && !inSplit('wcxb', '0001', 'check'));
  const names = Array.from({ length: 2000 }, (_, i) => `page-${i}`);
  const share = names.filter((n) => splitOf('wcxb', n) === 'check').length / names.length;
  assert.ok(share > 0.27 && share < 0.33, `check share ${share}`);
});

test('wcxb words: lower-cased \\w+ tokens as multisets; P = overlap/predicted, R = overlap/reference', () => {
  const s = wordPRF('The cat, the CAT; a dog', 'the cat sat');
  // predicted: the×2 cat×2 a dog (6); reference: the cat sat (3); overlap: the, cat (2)
  assert.equal(s.precision, 2 / 6);
  assert.equal(s.recall, 2 / 3);
  assert.equal(s.f1, (2 * (2 / 6) * (2 / 3)) / (2 / 6 + 2 / 3));
  assert.deepEqual([wordPRF('', 'text').f1, wordPRF('', 'text').recall], [0, 0]); // no output → 0
  assert.equal(wordPRF('', '').f1, 1);
  assert.equal(wordPRF('text', '').f1, 0);
  assert.equal(wordPRF('Ça Va', 'ça va').f1, 1);
});

test('wcxb listing: ground truth joined with html/*.html.gz, decompressed into a folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-wcxb-'));
  try {
    fs.mkdirSync(path.join(dir, 'html'));
    fs.mkdirSync(path.join(dir, 'ground-truth'));
    const truth = (url, type, text) => JSON.stringify({
      url, _internal: { page_type: { primary: type } }, ground_truth: { main_content: text, with: ['a b c'], without: ['Menu'] },
    });
    fs.writeFileSync(path.join(dir, 'ground-truth', '0009.json'), truth('https://a.example/x', 'forum', 'Hello there'));
    fs.writeFileSync(path.join(dir, 'ground-truth', '0001.json'), truth('https://b.example/', 'article', 'Text'));
    fs.writeFileSync(path.join(dir, 'ground-truth', '0002.json'), truth('https://c.example/', 'article', 'no page'));
    fs.writeFileSync(path.join(dir, 'html', '0009.html.gz'), zlib.gzipSync('<p>caf\xe9</p>'));
    fs.writeFileSync(path.join(dir, 'html', '0001.html.gz'), zlib.gzipSync('<p>one</p>'));
    const pages = listWcxbPages(dir);
    assert.deepEqual(pages.map((p) => [p.name, p.type, p.url]), [
      ['0001', 'article', 'https://b.example/'], ['0009', 'forum', 'https://a.example/x']]);
    assert.deepEqual(pages[1].with, ['a b c']);
    decompressPages(pages, path.join(dir, 'out'));
    assert.equal(fs.readFileSync(pages[0].path, 'utf8'), '<p>one</p>');
    const split = path.join(path.dirname(fileURLToPath(import.meta.url)), 'split.mjs');
    const run = spawnSync(process.execPath, [split, 'wcxb', dir, 'check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '0009\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('compare-outputs finds the files that differ and those on one side only', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-compare-'));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('a/wcxb/1.json', '{"x":1}');
  write('b/wcxb/1.json', '{"x":1}');
  write('a/wcxb/2.json', 'null\n');
  write('b/wcxb/2.json', 'null');
  write('a/wcxb/3.json', '{}');
  write('b/wcxb/4.json', '{}');
  const result = compareOutputDirs(path.join(root, 'a'), path.join(root, 'b'));
  assert.deepEqual(result, {
    compared: 2, differ: [path.join('wcxb', '2.json')], onlyBefore: [path.join('wcxb', '3.json')],
    onlyAfter: [path.join('wcxb', '4.json')],
  });
  fs.rmSync(root, { recursive: true, force: true });
});

test('a removed block is lost when its words are reference words our text lacks, right when they are not', () => {
  const rules = tallyRemovals([{
    type: 'article',
    reference: 'the ferry came late to the harbour on monday',
    ours: 'the ferry came late',
    removed: [
      { rule: 'link-density', html: '<p>to the <a href="/x">harbour</a> on monday</p>' },
      { rule: 'link-density', html: '<div>sign up for our newsletter</div>' },
      { rule: 'hidden', html: '<span>ok</span>' },
    ],
  }]);
  const linkDensity = rules.get('link-density');
  assert.deepEqual([linkDensity.words, linkDensity.lost, linkDensity.right], [10, 5, 5]);
  assert.deepEqual(linkDensity.byType.get('article'), { words: 10, lost: 5, right: 5 });
  assert.equal(rules.has('hidden'), false); // under three words: not weighed
});

test('split noise: pages that all score alike leave no gap between splits and no spread', () => {
  const pages = Array.from({ length: 40 }, (_, i) => ({ page: `p${i}`, f1: 0.9 }));
  const r = splitNoise('wcxb', pages, { draws: 200 });
  assert.ok(Math.abs(r.gap) < 1e-12 && r.checkSd < 1e-12 && r.gapSd < 1e-12);
});

test('split noise: the figure is the pooled snippet F on trafilatura, the mean page F1 elsewhere', () => {
  const pages = [{ page: 'a', tp: 3, fn: 1, fp: 0, f1: 0 }, { page: 'b', tp: 1, fn: 0, fp: 1, f1: 1 }];
  assert.equal(figure('trafilatura', pages), 8 / 10);
  assert.equal(figure('readability', pages), 0.5);
});

test('split noise: a seed draws the same splits again, another seed others', () => {
  const pages = Array.from({ length: 60 }, (_, i) => ({ page: `p${i}`, f1: (i * 37 % 11) / 10 }));
  const a = splitNoise('wcxb', pages, { draws: 300, seed: 7 });
  assert.deepEqual(splitNoise('wcxb', pages, { draws: 300, seed: 7 }), a);
  assert.notEqual(splitNoise('wcxb', pages, { draws: 300, seed: 8 }).gapSd, a.gapSd);
});

test('agreement with Readability.js scores shingles per page, skips pages it gave nothing for', () => {
  const same = 'one two three four five six';
  const pages = [
    { name: '0001', type: 'article', ours: same, reference: same },
    { name: '0002', type: 'article', ours: null, reference: same }, // we said "no article"
    { name: '0003', type: 'listing', ours: same, reference: '' }, // Readability.js gave nothing
  ];
  const all = agreement('wcxb', pages).all;
  assert.equal(all.pages, 2);
  assert.equal(all.precision, 0.5);
  assert.equal(all.recall, 0.5);
  assert.equal(agreement('wcxb', pages, { type: 'listing' }).all.pages, 0);
  const tune = agreement('wcxb', pages).tune.pages;
  const check = agreement('wcxb', pages).check.pages;
  assert.equal(tune + check, 2);
});

test('scramble: class and id words become opaque names, the same word the same name everywhere', () => {
  const out = scrambleHtml('<div class="comments  post-body" id="main"><p class=comments>x</p></div>');
  const names = [...out.matchAll(/(?:class|id)="?([^">]+)/g)].map((m) => m[1]);
  assert.deepEqual(names, [`${scrambleToken('comments')} ${scrambleToken('post-body')}`,
    scrambleToken('main'), scrambleToken('comments')]);
  assert.match(scrambleToken('comments'), /^x[0-9a-f]{6}$/);
  assert.doesNotMatch(out, /comments|post-body|main/);
  assert.match(out, /<p class=x[0-9a-f]{6}>x<\/p>/); // unquoted values too
});

test('scramble: references to an id follow it, other links and wordless tokens stay', () => {
  const out = scrambleHtml('<a href="#note-1" aria-controls="panel">1</a><a href="/notes#x">n</a>'
    + '<div id="note-1" hidden id2="S:0"><span id="S:0"></span></div><label for="email-box">');
  assert.ok(out.includes(`href="#${scrambleToken('note-1')}" aria-controls="${scrambleToken('panel')}"`));
  assert.ok(out.includes('href="/notes#x"'));
  assert.ok(out.includes(`id="${scrambleToken('note-1')}"`));
  assert.ok(out.includes('<span id="S:0">'));
  assert.ok(out.includes(`for="${scrambleToken('email-box')}"`));
});

test('scramble: a corpus copy scrambles its pages and links its references', () => {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-scramble-src-'));
  const dst = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-scramble-dst-'));
  fs.mkdirSync(path.join(src, 'page'));
  fs.writeFileSync(path.join(src, 'page', 'source.html'), '<div class="sidebar">s</div>');
  fs.writeFileSync(path.join(src, 'page', 'expected.html'), '<div class="sidebar">s</div>');
  fs.writeFileSync(path.join(src, 'evaldata.json'), '{}');
  fs.writeFileSync(path.join(src, 'p.html.gz'), zlib.gzipSync('<i id="related">r</i>'));
  scrambleCorpus(src, dst);
  assert.doesNotMatch(fs.readFileSync(path.join(dst, 'page', 'source.html'), 'utf8'), /sidebar/);
  assert.match(fs.readFileSync(path.join(dst, 'page', 'expected.html'), 'utf8'), /sidebar/);
  assert.ok(fs.lstatSync(path.join(dst, 'evaldata.json')).isSymbolicLink());
  assert.doesNotMatch(zlib.gunzipSync(fs.readFileSync(path.join(dst, 'p.html.gz'))).toString(), /related/);
  fs.rmSync(src, { recursive: true, force: true });
  fs.rmSync(dst, { recursive: true, force: true });
});
