// The reader's kept reading positions (issue 21): the last 200 pages, keyed by the page without
// its fragment, the newest kept; and the contrast figure behind the custom colours' warning.
// Pure functions of the shared renderer, run in Node.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { rememberPosition, positionKey, POSITIONS_KEPT, contrastRatio } from '../../extension/reader/reader.js';

it('keeps the newest 200 pages, one entry per page, its fraction clamped to 0..1', () => {
  assert.equal(POSITIONS_KEPT, 200);
  let positions = {};
  for (let i = 0; i < 250; i++) positions = rememberPosition(positions, `https://example.com/${i}`, i / 250, 1000 + i);
  assert.equal(Object.keys(positions).length, 200);
  assert.ok(!('https://example.com/49' in positions), 'the oldest go');
  assert.ok('https://example.com/50' in positions && 'https://example.com/249' in positions);
  // Reading an old page again makes it the newest; the entry is replaced, not added.
  positions = rememberPosition(positions, 'https://example.com/50', 2, 5000);
  assert.equal(Object.keys(positions).length, 200);
  assert.deepEqual(positions['https://example.com/50'], { at: 1, time: 5000 });
  positions = rememberPosition(positions, 'https://example.com/new', 0.5, 6000);
  assert.ok(!('https://example.com/51' in positions), 'the oldest goes, not the one just read');
  assert.ok('https://example.com/50' in positions);
});

it('ignores malformed stored entries and storage that is not an object', () => {
  assert.deepEqual(rememberPosition(null, 'u', 0.25, 1), { u: { at: 0.25, time: 1 } });
  assert.deepEqual(rememberPosition({ a: 'x', b: { at: 'no', time: 1 }, c: { at: 0.5, time: 2 } }, 'u', -1, 3), { u: { at: 0, time: 3 }, c: { at: 0.5, time: 2 } });
});

it('keys a page by its address without the fragment', () => {
  assert.equal(positionKey('https://example.com/a?b=1#section'), 'https://example.com/a?b=1');
  assert.equal(positionKey('not a url'), null);
});

it('measures contrast as WCAG does', () => {
  assert.equal(contrastRatio('#000000', '#ffffff').toFixed(2), '21.00');
  assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
  assert.equal(contrastRatio('#ffffff', '#ffffff'), 1);
});
