// The lesson runner's behaviour: pages that read before scripts run, the list with progress, step URLs, the
// language switch (remembered, in the URL, step kept), arrow keys, and exercise feedback for a wrong answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './harness.mjs';
import { readLessons } from '../node/lesson-files.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const lessons = readLessons('en');
const first = lessons[0].slug;

test('a lesson page is complete HTML before any script runs: formulas typeset, numbers filled in by the build', async () => {
  const html = await (await fetch(`${site.baseUrl}/lessons/${first}.html`)).text();
  assert.match(html, /class="katex"/);
  assert.match(html, /<bp-num[^>]*seed="220"[^>]*>220<\/bp-num>/);
  assert.match(html, /<bp-num[^>]*seed="2.2"[^>]*>2\.2<\/bp-num>/);
  assert.match(html, /<article class="lesson-article" lang="zh-CN"/);
});

test('the list shows every lesson, and progress after a visit; reset forgets it', async () => {
  const page = await site.open('/lessons/?lang=en');
  await page.locator('main[data-ready="true"]').waitFor();
  assert.equal(await page.locator('.lesson-item').count(), lessons.length);
  assert.equal(await page.locator('.lesson-item').first().locator('.lesson-progress').innerText(), 'Not started');
  await page.locator('.lesson-item a').first().click();
  await page.locator('main.lesson[data-ready="true"]').waitFor();
  await page.locator('.step-next').click();
  await page.locator('.step-next').click();
  assert.match(page.url(), /step=3/);
  await page.goto(`${site.baseUrl}/lessons/`);
  await page.locator('main[data-ready="true"]').waitFor();
  const total = await page.locator('.lesson-item').first().getAttribute('data-count');
  assert.equal(await page.locator('.lesson-item').first().locator('.lesson-progress').innerText(), `Step 3 of ${total}`);
  assert.match(await page.locator('.lesson-item a').first().getAttribute('href'), /step=3/);
  await site.screenshot(page, 'lessons-list-en-desktop');
  await page.locator('.reset-progress').click();
  assert.equal(await page.locator('.lesson-item').first().locator('.lesson-progress').innerText(), 'Not started');
  assert.deepEqual(page.problems, []);
});

test('the list in Chinese on a phone', async () => {
  const page = await site.open('/lessons/?lang=zh-CN', { width: 360 });
  await page.locator('main[data-ready="true"]').waitFor();
  assert.equal(await page.locator('h1 [lang="zh-CN"]').innerText(), '课程');
  assert.equal(await page.locator('.lesson-item').first().locator('.lesson-progress').innerText(), '还没开始');
  assert.match(await page.locator('.lesson-item a').first().getAttribute('href'), /lang=zh-CN/);
  await site.screenshot(page, 'lessons-list-zh-CN-phone');
  assert.deepEqual(page.problems, []);
});

test('the language switch keeps the step, goes into the URL and is remembered', async () => {
  const page = await site.open(`/lessons/${first}.html?lang=en&step=2`);
  await page.locator('main[data-ready="true"]').waitFor();
  await page.locator('.lang-choice[data-set-lang="zh-CN"]').click();
  assert.equal(await page.locator('.lesson-article[lang="zh-CN"] .step[data-step="2"]').isVisible(), true);
  assert.equal(await page.locator('.lesson-article[lang="en"]').isVisible(), false);
  assert.match(page.url(), /lang=zh-CN/);
  assert.equal(await page.locator('.step-count').innerText(), `第 2 步 / 共 ${lessons[0].body.match(/^## /gm).length} 步`);
  await page.goto(`${site.baseUrl}/lessons/${first}.html`);
  await page.locator('main[data-ready="true"]').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.lang), 'zh-CN');
  assert.equal(await page.locator('.lesson-article[lang="zh-CN"] .step.is-current').getAttribute('data-step'), '2');
  assert.deepEqual(page.problems, []);
});

test('arrow keys turn the steps, but not while typing an answer', async () => {
  const page = await site.open(`/lessons/${first}.html?lang=en&step=1`);
  await page.locator('main[data-ready="true"]').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('main').getAttribute('data-step'), '3');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('main').getAttribute('data-step'), '2');
  const last = await page.locator('.lesson-article[lang="en"] .step').count();
  await page.goto(`${site.baseUrl}/lessons/${first}.html?lang=en&step=${last}`);
  const input = page.locator('.lesson-article[lang="en"] bp-check input');
  await input.focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('main').getAttribute('data-step'), String(last));
  assert.deepEqual(page.problems, []);
});

test('a wrong answer is marked wrong, and after two misses the answer can be revealed', async () => {
  const last = lessons[0].body.match(/^## /gm).length;
  const page = await site.open(`/lessons/${first}.html?lang=en&step=${last}`);
  const check = page.locator('.lesson-article[lang="en"] bp-check').first();
  await page.waitForFunction((el) => el.dataset.ready === 'true', await check.elementHandle());
  await check.locator('input').fill('12345');
  await check.locator('button[type=submit]').click();
  assert.equal(await check.getAttribute('data-state'), 'wrong');
  assert.equal(await check.locator('button.quiet').isVisible(), false);
  await check.locator('input').fill('not a number');
  await check.locator('button[type=submit]').click();
  assert.match(await check.locator('.feedback').innerText(), /type a number/);
  await check.locator('input').fill('1+1');
  await check.locator('button[type=submit]').click();
  await check.locator('button.quiet').click();
  assert.match(await check.locator('.feedback').innerText(), /engine’s answer is 3\.3/);
  assert.equal(await page.locator('main').getAttribute('data-done'), null);
  assert.deepEqual(page.problems, []);
});
