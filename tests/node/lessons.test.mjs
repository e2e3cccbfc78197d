// The lessons' content against the engine: every number a lesson quotes from a seed post (seed="..." on a
// <bp-num>) equals the engine's result at the precision the seed wrote it; every widget formula evaluates; the
// English and Chinese lessons carry the same widgets with the same formulas; every UI string exists in both.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';
import { readLessons, LANGS, decimalsOf } from './lesson-files.mjs';
import { parseValueList } from '../../web/src/state/value-list.js';
import { pick } from '../../web/src/widgets/lesson-kit/format.js';
import { LESSON_MESSAGES } from '../../web/src/i18n/lessons.js';
import { WIDGET_MESSAGES } from '../../web/src/i18n/lesson-widgets.js';
import { SHELL_MESSAGES } from '../../web/src/i18n/shell.js';
import { HOME_MESSAGES } from '../../web/src/i18n/home.js';

let engine;
before(async () => { engine = await loadEngine(); });

const lessons = Object.fromEntries(LANGS.map((lang) => [lang, readLessons(lang)]));

test('there are twelve lessons, numbered 1 to 12, in both languages', () => {
  for (const lang of LANGS) {
    assert.deepEqual(lessons[lang].map((lesson) => lesson.data.order), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  }
  assert.deepEqual(lessons.en.map((l) => l.slug), lessons['zh-CN'].map((l) => l.slug));
});

test('every number quoted from a seed post is what the engine computes', () => {
  let quoted = 0;
  for (const lang of LANGS) {
    for (const lesson of lessons[lang]) {
      for (const { attrs } of lesson.widgets.filter((w) => w.attrs.seed !== undefined)) {
        const got = pick(engine.grad(attrs.expr, parseValueList(attrs.values ?? '')), attrs.show ?? 'value');
        const want = Number(attrs.seed);
        const tolerance = 0.5 * 10 ** -decimalsOf(attrs.seed) + 1e-9;
        assert.ok(Math.abs(got - want) <= tolerance,
          `${lesson.file}: ${attrs.expr} (${attrs.show ?? 'value'}) at ${attrs.values}: engine ${got}, seed says ${attrs.seed}`);
        quoted += 1;
      }
    }
  }
  assert.ok(quoted >= 20, `only ${quoted} seed numbers are checked`);
});

test('every widget formula evaluates in the engine without error or warning', () => {
  for (const lang of LANGS) {
    for (const lesson of lessons[lang]) {
      for (const { tag, attrs } of lesson.widgets.filter((w) => w.attrs.expr)) {
        const report = engine.grad(attrs.expr, parseValueList(attrs.values ?? ''));
        assert.deepEqual(report.warnings, [], `${lesson.file} <${tag} expr="${attrs.expr}">`);
        if (tag === 'bp-num' || (tag === 'bp-check' && attrs.show)) pick(report, attrs.show ?? 'value');
      }
    }
  }
});

test('the English and Chinese lessons hold the same widgets, formulas and front matter', () => {
  lessons.en.forEach((en, index) => {
    const zh = lessons['zh-CN'][index];
    for (const key of ['order', 'seed', 'minutes']) assert.equal(zh.data[key], en.data[key], `${zh.file}: ${key}`);
    assert.deepEqual(zh.widgets, en.widgets, `${zh.file} differs from ${en.file} in its widgets`);
    assert.equal(zh.body.match(/^## /gm)?.length, en.body.match(/^## /gm)?.length, `${zh.file}: step count`);
    assert.match(zh.data.title, /[\u4e00-\u9fff]/, `${zh.file}: the title should be Chinese`);
  });
});

test('each lesson ends with a graded check-yourself exercise', () => {
  for (const lang of LANGS) {
    for (const lesson of lessons[lang]) {
      const lastStep = lesson.body.split(/^## /m).at(-1);
      assert.match(lastStep, /<bp-check\b/, `${lesson.file}: the last step has no <bp-check>`);
    }
  }
});

test('every lesson, shell and home UI string exists in English and Chinese', () => {
  for (const catalog of [LESSON_MESSAGES, WIDGET_MESSAGES, SHELL_MESSAGES, HOME_MESSAGES]) {
    assert.deepEqual(Object.keys(catalog['zh-CN']).sort(), Object.keys(catalog.en).sort());
    for (const [key, text] of Object.entries(catalog['zh-CN'])) {
      assert.ok(text.trim(), `zh-CN ${key} is empty`);
      assert.equal(text.match(/\{\w+\}/g)?.sort().join(), catalog.en[key].match(/\{\w+\}/g)?.sort().join(), `${key}: placeholders differ`);
    }
  }
});
