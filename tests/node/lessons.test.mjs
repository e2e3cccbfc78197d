// The lessons' content against the engine: every number a lesson quotes from a seed post (seed="..." on a
// <bp-num>) equals the engine's result at the precision the seed wrote it; every widget formula evaluates; the
// English and Chinese lessons carry the same widgets with the same formulas (the UI strings: i18n-catalogs.test.mjs).
import { test, before } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';
import { readLessons, LANGS, decimalsOf, tutorialsDir } from './lesson-files.mjs';
import { parseValueList } from '../../web/src/state/value-list.js';
import { pick } from '../../web/src/widgets/lesson-kit/format.js';
import { tensorNumber } from '../../web/src/lessons/prerender/render-lesson.mjs';

let engine;
before(async () => { engine = await loadEngine(); });

const lessons = Object.fromEntries(LANGS.map((lang) => [lang, readLessons(lang)]));

test('the lessons are counted from the files: each file NN-slug.md has order NN, in both languages', () => {
  for (const lang of LANGS) {
    assert.ok(lessons[lang].length >= 16, `${lang}: only ${lessons[lang].length} lessons`);
    for (const lesson of lessons[lang]) assert.equal(lesson.data.order, Number(lesson.slug.slice(0, 2)), lesson.file);
    const orders = lessons[lang].map((lesson) => lesson.data.order);
    assert.deepEqual(orders, [...new Set(orders)].sort((a, b) => a - b), `${lang}: orders repeat or are out of order`);
  }
  assert.deepEqual(lessons.en.map((l) => l.slug), lessons['zh-CN'].map((l) => l.slug));
});

test('no UI string or page counts the lessons by hand', () => {
  const files = ['web/index.html', 'web/src/i18n/lessons.js', 'web/src/lessons/runner.js', 'web/src/lessons/index-page.js',
    'web/src/lessons/prerender/pages.mjs', 'web/src/pages/home.js'];
  for (const file of files) {
    const text = fs.readFileSync(path.join(tutorialsDir, '..', file), 'utf8');
    assert.doesNotMatch(text, /\btwelve\b|十二|\b1[0-9] (short )?lessons\b/i, file);
  }
});

test('the glossary exists in both languages, and the lessons that use its notation link to it', () => {
  for (const lang of LANGS) {
    const glossary = fs.readFileSync(path.join(tutorialsDir, lang, 'glossary.md'), 'utf8');
    for (const symbol of ['\\hat y', '\\delta^{(l)}', 'W^{(l)}', 'logits']) assert.ok(glossary.includes(symbol), `${lang} glossary lacks ${symbol}`);
    const linking = lessons[lang].filter((lesson) => lesson.body.includes('](glossary.html'));
    assert.ok(linking.length >= 5, `${lang}: only ${linking.length} lessons link to the glossary`);
  }
});

test('Chinese text: one term for forward propagation, 偏导 throughout, no English heading, no line opening with ，', () => {
  for (const lesson of lessons['zh-CN']) {
    assert.doesNotMatch(lesson.body, /正向|偏微分|偏导数/, lesson.file);
    for (const line of lesson.body.split('\n')) {
      assert.ok(!line.startsWith('，'), `${lesson.file}: a line starts with a full-width comma: ${line}`);
      if (line.startsWith('## ')) assert.match(line, /[\u4e00-\u9fff]/, `${lesson.file}: English heading ${line}`);
    }
  }
});

test('every number quoted from a seed post is what the engine computes', () => {
  let quoted = 0;
  for (const lang of LANGS) {
    for (const lesson of lessons[lang]) {
      for (const { attrs } of lesson.widgets.filter((w) => w.tag === 'bp-num' && w.attrs.seed !== undefined)) {
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

test('every tensor number a lesson quotes (<bp-num net>) is an entry of the engine\'s trace, and its figure uses the same net', () => {
  let quoted = 0;
  for (const lang of LANGS) {
    for (const lesson of lessons[lang]) {
      const figures = new Set(lesson.widgets.filter((w) => w.tag === 'bp-tensor-graph').map((w) => w.attrs.spec));
      for (const { attrs } of lesson.widgets.filter((w) => w.tag === 'bp-num' && w.attrs.net)) {
        assert.ok(Number.isFinite(tensorNumber(attrs, engine)), `${lesson.file}: ${attrs.show}`);
        // A number about a network the lesson draws must be about the drawn network (the same front-matter spec).
        const net = JSON.parse(attrs.net);
        if (Array.isArray(net.layers)) assert.ok(figures.has(attrs.net), `${lesson.file}: ${attrs.show} quotes a net no figure shows`);
        // Seeded choices: the lesson's <bp-grad-norms> draws that network (same layers, loss, batch and seed).
        else assert.ok(lesson.widgets.some((w) => w.tag === 'bp-grad-norms' && ['layers', 'loss', 'batch', 'seed'].every((key) => String(net[key]) === w.attrs[key])),
          `${lesson.file}: ${attrs.show} quotes a seeded net no <bp-grad-norms> shows`);
        quoted += 1;
      }
    }
  }
  assert.ok(quoted >= 40, `only ${quoted} tensor numbers are checked`);
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
