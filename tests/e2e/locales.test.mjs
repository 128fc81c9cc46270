// The interface's languages: every locale's messages (extension/_locales/<language>/
// messages.json, shared by the extension, its store listing and the demo) say everything English
// says, nothing English does not, with the same placeholders; plural forms follow each
// language's plural rules. No browser: the files and the modules that read them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, EXTENSION } from './helpers/paths.mjs';
import { interfaceLanguage } from '../../extension/reader/reader.js';
import { chooseLanguage, LANGUAGES } from '../../www/platform-demo.js';

const LOCALES = join(EXTENSION, '_locales');
const read = (language) => JSON.parse(readFileSync(join(LOCALES, language, 'messages.json'), 'utf8'));
const ENGLISH = read('en');
const TRANSLATIONS = LANGUAGES.filter((language) => language !== 'en');

// A message key `<base>_<category>` is one plural form of `<base>` (English has `<base>_other`).
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
const pluralBase = (key, messages) => {
  const match = PLURAL.exec(key);
  return match && Object.hasOwn(messages, `${match[1]}_other`) ? match[1] : null;
};
const PLURAL_BASES = [...new Set(Object.keys(ENGLISH).map((key) => pluralBase(key, ENGLISH)).filter(Boolean))];

/** The $NAME$ placeholders a message uses, sorted, lower-cased (Chrome's names ignore case). */
const used = (message) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()).sort();
const defined = (entry) => Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => `${name.toLowerCase()}=${content}`).sort();

/** The key English's entry for `key` is compared with: a plural form's, `<base>_other`. */
const englishFor = (key, messages) => {
  const base = pluralBase(key, messages);
  return base ? ENGLISH[`${base}_other`] : ENGLISH[key];
};

/** A messages object: the locale's, read from disk, or a changed copy (for the checks' own tests). */
function problems(language, messages) {
  const found = [];
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const key of Object.keys(ENGLISH)) {
    if (pluralBase(key, ENGLISH)) continue;
    if (!Object.hasOwn(messages, key)) found.push(`missing ${key}`);
  }
  for (const base of PLURAL_BASES) {
    for (const category of categories) {
      if (!Object.hasOwn(messages, `${base}_${category}`)) found.push(`missing ${base}_${category} (a plural form of ${language})`);
    }
  }
  for (const [key, entry] of Object.entries(messages)) {
    const base = pluralBase(key, messages);
    const english = englishFor(key, messages);
    if (base ? !PLURAL_BASES.includes(base) || !categories.includes(PLURAL.exec(key)[2]) : !english) {
      found.push(`extra ${key}`);
      continue;
    }
    if (typeof entry?.message !== 'string' || !entry.message.trim()) { found.push(`empty ${key}`); continue; }
    if (used(entry.message).join() !== used(english.message).join()) {
      found.push(`${key} uses ${used(entry.message).join(', ') || 'no placeholder'}, English ${used(english.message).join(', ') || 'none'}`);
    }
    if (defined(entry).join() !== defined(english).join()) found.push(`${key} defines placeholders ${defined(entry).join(', ')}, English ${defined(english).join(', ')}`);
  }
  return found;
}

describe('the interface languages', () => {
  it('has messages for exactly English, German, French, Spanish, Arabic and Japanese', () => {
    assert.deepEqual(readdirSync(LOCALES).sort(), ['ar', 'de', 'en', 'es', 'fr', 'ja']);
    assert.deepEqual([...LANGUAGES].sort(), ['ar', 'de', 'en', 'es', 'fr', 'ja']);
  });

  for (const language of TRANSLATIONS) {
    it(`${language}: every English key, no other, the same placeholders, its own plural forms`, () => {
      assert.deepEqual(problems(language, read(language)), []);
    });
  }

  it('the check finds a missing key, an extra key, a dropped or added placeholder and a missing plural form', () => {
    const german = read('de');
    const { byline, ...withoutByline } = german;
    assert.deepEqual(problems('de', withoutByline), ['missing byline']);
    assert.deepEqual(problems('de', { ...german, bylin: byline }), ['extra bylin']);
    assert.match(problems('de', { ...german, byline: { ...byline, message: 'Von jemandem' } }).join(), /^byline uses no placeholder/);
    assert.match(problems('de', { ...german, copied: { message: 'Kopiert: $TITLE$' } }).join(), /^copied uses title/);
    const { readingTime_one: _, ...withoutOne } = german;
    assert.deepEqual(problems('de', withoutOne), ['missing readingTime_one (a plural form of de)']);
    assert.deepEqual(problems('ja', { ...read('ja'), readingTime_one: german.readingTime_one }), ['extra readingTime_one']);
  });

  it('each locale names its own language and direction: right to left for Arabic only', () => {
    for (const language of LANGUAGES) {
      const messages = read(language);
      assert.equal(messages.uiLanguage.message, language);
      assert.equal(messages.uiDirection.message, language === 'ar' ? 'rtl' : 'ltr', language);
    }
  });

  it('the store listing fits the stores: a name of at most 75 characters, a description of at most 132', () => {
    for (const language of LANGUAGES) {
      const messages = read(language);
      assert.ok(messages.extensionName.message.length <= 75, `${language}: ${messages.extensionName.message}`);
      assert.ok(messages.extensionDescription.message.length <= 132, `${language}: ${messages.extensionDescription.message}`);
    }
  });

  it('every message key the reader, the options page and the demo ask for exists', () => {
    const sources = ['extension/reader/reader.js', 'extension/reader-page.js', 'extension/options.js', 'extension/background.js',
      'www/demo.js', 'www/index.html', 'extension/manifest.json'].map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
    const keys = new Set([
      ...[...sources.matchAll(/\bt{1,2}\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]),
      ...[...sources.matchAll(/data-i18n="([A-Za-z0-9_]+)"/g)].map((m) => m[1]),
      ...[...sources.matchAll(/data-i18n-attr="([^"]+)"/g)].flatMap((m) => m[1].split(';').map((pair) => pair.split(':')[1])),
      ...[...sources.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]),
      ...[...sources.matchAll(/: '(group[A-Za-z]+)'/g)].map((m) => m[1]),
      ...[...sources.matchAll(/count\('([A-Za-z0-9_]+)'/g)].map((m) => `${m[1]}_other`),
    ]);
    assert.ok(keys.size > 150, `found ${keys.size} keys in the sources`);
    assert.deepEqual([...keys].filter((key) => !Object.hasOwn(ENGLISH, key)), []);
  });
});

describe('the interface language in use', () => {
  const adapterFor = (language, locale) => {
    const messages = read(language);
    return {
      locale,
      t: (key, ...subs) => (messages[key]?.message ?? '').replace(/\$([A-Za-z0-9_]+)\$/g, (_, name) => {
        const content = messages[key].placeholders?.[name.toLowerCase()]?.content ?? '';
        return content.replace(/\$(\d)/g, (__, n) => subs[Number(n) - 1] ?? '');
      }),
    };
  };

  it('the demo picks the first of the browser\'s languages it has messages for, by its primary subtag, else English', () => {
    assert.deepEqual(chooseLanguage(['de-AT', 'en']), { messages: 'de', locale: 'de-AT' });
    assert.deepEqual(chooseLanguage(['pt-BR', 'ja-JP', 'fr']), { messages: 'ja', locale: 'ja-JP' });
    assert.deepEqual(chooseLanguage(['pt-BR']), { messages: 'en', locale: 'en' });
    assert.deepEqual(chooseLanguage([]), { messages: 'en', locale: 'en' });
  });

  it('Arabic: right to left, numbers as Arabic writes them, and the plural form Arabic uses for each count', () => {
    const ui = interfaceLanguage(adapterFor('ar', 'ar-EG'));
    assert.deepEqual([ui.lang, ui.dir], ['ar', 'rtl']);
    const n = (value) => new Intl.NumberFormat('ar-EG').format(value);
    assert.equal(ui.count('readingTime', 2), `مدة القراءة: ${n(2)} دقيقتان`);
    assert.equal(ui.count('readingTime', 5), `مدة القراءة: ${n(5)} دقائق`);
    assert.equal(ui.count('readingTime', 12), `مدة القراءة: ${n(12)} دقيقة`);
    assert.equal(n(12), '١٢', 'Egyptian Arabic writes Arabic-Indic digits');
  });

  it('German: the browser\'s regional variant formats the numbers, the messages choose singular or plural', () => {
    const ui = interfaceLanguage(adapterFor('de', 'de-CH'));
    assert.deepEqual([ui.lang, ui.dir, ui.locale], ['de', 'ltr', 'de-CH']);
    assert.equal(ui.count('readingTime', 1), '1 Minute Lesezeit');
    assert.equal(ui.count('readingTime', 12), '12 Minuten Lesezeit');
    assert.equal(ui.number(1234), new Intl.NumberFormat('de-CH').format(1234));
    assert.notEqual(ui.number(1234), new Intl.NumberFormat('de').format(1234), 'Swiss, not German, grouping');
  });

  it('a browser language other than the messages\' does not format them (English messages, English numbers)', () => {
    const ui = interfaceLanguage(adapterFor('en', 'pt-BR'));
    assert.deepEqual([ui.lang, ui.dir, ui.locale], ['en', 'ltr', 'en']);
    assert.equal(ui.count('readingTime', 1234), '1,234 min read');
  });
});
