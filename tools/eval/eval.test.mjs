// Unit tests of the eval's scoring rules and decoding: node --test tools/eval/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareMetadata, scoreSnippets, shinglePR, shingles, snippetTotals, tokenize } from './scoring.mjs';
import { decodeHtml } from './decode.mjs';
import { blockDiff, classifyLeak } from './diagnose.mjs';

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
