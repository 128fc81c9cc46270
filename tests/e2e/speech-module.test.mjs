// The speech module (speech/, issue 22): the second wasm the extension and the demo ship, which
// the reader loads when reading starts. Its built files, as they ship, run in Node's V8 (the
// engine of Chromium): sentences with their blocks and UTF-16 ranges, and a clear error.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION } from './helpers/paths.mjs';

describe('the speech module as it ships', () => {
  let speech;
  before(async () => {
    speech = await import(pathToFileURL(join(EXTENSION, 'engine', 'lectern_speech.js')).href);
    speech.initSync({ module: readFileSync(join(EXTENSION, 'engine', 'lectern_speech_bg.wasm')) });
  });

  it('cuts blocks into sentences, each with its block and UTF-16 range', () => {
    assert.deepEqual(speech.sentences(['A title', 'Mr. Hale lit the lamp. 😀 It never failed.'], 'en'), [
      { text: 'A title', block: 0, start: 0, end: 7 },
      { text: 'Mr. Hale lit the lamp.', block: 1, start: 0, end: 22 },
      { text: '😀 It never failed.', block: 1, start: 23, end: 42 },
    ]);
    const block = 'Mr. Hale lit the lamp. 😀 It never failed.';
    assert.equal(block.slice(23, 42), '😀 It never failed.');
  });

  it('uses the language for its abbreviations', () => {
    assert.equal(speech.sentences(['Am 4. Dezember kam z. B. Hr. Müller.'], 'de').length, 1);
  });

  it('says what is wrong when a block is not a string', () => {
    assert.throws(() => speech.sentences(['fine', 42], 'en'), /blocks must be strings/);
  });
});
