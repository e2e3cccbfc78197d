// Every UI catalog of web/src/i18n/ (found by listing the folder, so a new catalog is checked without a line here)
// is complete in every locale: the same keys, no empty text, the same {placeholders}. No key is defined twice
// across catalogs either: i18n.js merges them, and the later one would win without a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { LOCALES } from '../../web/src/i18n/i18n.js';

const dir = new URL('../../web/src/i18n/', import.meta.url);
const files = fs.readdirSync(dir).filter((name) => name.endsWith('.js') && name !== 'i18n.js').sort();

/** A catalog is an export with English text: {en: {...}, 'zh-CN': {...}}. @param {Record<string, unknown>} exports */
const catalogsOf = (exports) => Object.entries(exports).filter(([, value]) =>
  typeof value === 'object' && value !== null && 'en' in value);

const catalogs = await Promise.all(files.map(async (file) =>
  ({ file, catalogs: catalogsOf(await import(new URL(file, dir).href)) })));

/** The {name} placeholders a text uses, sorted (a translation may name one twice). @param {string} text */
const placeholders = (text) => [...new Set(text.match(/\{\w+\}/g))].sort().join(' ');

test('the catalogs are found', () => {
  assert.ok(files.length, 'no catalog files in web/src/i18n/');
  for (const { file, catalogs: found } of catalogs) assert.ok(found.length, `${file} exports no catalog`);
});

for (const { file, catalogs: found } of catalogs) {
  for (const [name, catalog] of found) {
    test(`${file} ${name}: every locale has every key, non-empty, with the same placeholders`, () => {
      assert.deepEqual(Object.keys(catalog).sort(), [...LOCALES].sort(), 'the locales');
      const en = catalog.en;
      for (const locale of LOCALES) {
        assert.deepEqual(Object.keys(catalog[locale]).sort(), Object.keys(en).sort(), `${locale}: the keys`);
        for (const [key, text] of Object.entries(catalog[locale])) {
          assert.ok(typeof text === 'string' && text.trim(), `${locale} ${key} is empty`);
          assert.equal(placeholders(text), placeholders(en[key]), `${locale} ${key}: placeholders differ`);
        }
      }
    });
  }
}

test('no key is defined by two catalogs', () => {
  const owner = new Map();
  for (const { file, catalogs: found } of catalogs) {
    for (const [name, catalog] of found) {
      for (const key of Object.keys(catalog.en)) {
        assert.ok(!owner.has(key), `${key}: in ${owner.get(key)} and ${file} ${name}`);
        owner.set(key, `${file} ${name}`);
      }
    }
  }
});
