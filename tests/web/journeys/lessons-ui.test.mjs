// The lesson runner's behaviour: pages that read before scripts run, the list with progress, step URLs, the
// language switch (remembered, in the URL, step kept), arrow keys, and exercise feedback for a wrong answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';
import { readLessons } from '../../node/lesson-files.mjs';

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

test('a step marked <!-- pin --> shows the earlier figure: beside the text on a desktop, above it on a phone', async () => {
  const lesson = lessons.find((l) => l.data.order === 2);
  const pinned = lesson.body.split(/^## /m).slice(1).findIndex((text) => text.includes('<!-- pin')) + 1;
  assert.ok(pinned > 1, 'lesson 2 has a pinned step');
  // Desktop: move the original graph two steps on, then turn the page: the copy stands where the original was left.
  const page = await site.open(`/lessons/${lesson.slug}.html?lang=en&step=${pinned - 1}`, { width: 1280 });
  const original = page.locator('.lesson-article[lang="en"] .step.is-current bp-graph');
  await page.waitForFunction((el) => el.dataset.ready === 'true', await original.elementHandle());
  const at = await original.evaluate((el) => { el.next(); el.next(); return el.step; });
  await page.locator('.step-next').click();
  const step = page.locator('.lesson-article[lang="en"] .step.is-current');
  assert.equal(await step.getAttribute('data-pins'), String(pinned - 1));
  const copy = step.locator('.step-pin bp-graph');
  await page.waitForFunction((el) => el.dataset.ready === 'true', await copy.elementHandle());
  assert.equal(await copy.getAttribute('at'), String(at));
  assert.equal(await copy.evaluate((el) => el.step), at);
  const pinBox = await step.locator('.step-pin').boundingBox();
  const textBox = await step.locator('.step-text').boundingBox();
  assert.ok(pinBox.x >= textBox.x + textBox.width - 1, `beside: pin at x=${pinBox.x}, text ends at ${textBox.x + textBox.width}`);
  assert.ok(pinBox.y < textBox.y + textBox.height, 'the pin starts level with the text');
  await site.screenshot(page, `lesson-pin-en-desktop`);
  // Leaving the step removes the copy; coming back pins it again.
  await page.locator('.step-back').click();
  assert.equal(await page.locator('.step-pin').count(), 0);
  await page.context().close();

  // Phone: the figure above the text, and nothing wider than the screen.
  const phone = await site.open(`/lessons/${lesson.slug}.html?lang=zh-CN&step=${pinned}`, { width: 360 });
  await phone.locator('main[data-ready="true"]').waitFor();
  const phoneStep = phone.locator('.lesson-article[lang="zh-CN"] .step.is-current');
  const phoneCopy = phoneStep.locator('.step-pin bp-graph');
  await phone.waitForFunction((el) => el.dataset.ready === 'true', await phoneCopy.elementHandle());
  const phonePin = await phoneStep.locator('.step-pin').boundingBox();
  const phoneText = await phoneStep.locator('.step-text').boundingBox();
  assert.ok(phonePin.y + phonePin.height <= phoneText.y + 1, 'above the text');
  assert.ok(phonePin.x >= 0 && phonePin.x + phonePin.width <= 360, `inside the screen: ${JSON.stringify(phonePin)}`);
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth) <= 360, 'no sideways scrolling of the page');
  await site.screenshot(phone, `lesson-pin-zh-CN-phone`);
  assert.deepEqual(phone.problems, []);
  assert.deepEqual(page.problems, []);
});

test('the lesson count and list come from the files: list, lead, numbers, home page and glossary link', async () => {
  const page = await site.open('/lessons/?lang=en');
  await page.locator('main[data-ready="true"]').waitFor();
  assert.deepEqual(await page.locator('.lesson-number').allInnerTexts(), lessons.map((l) => String(l.data.order)));
  assert.match(await page.locator('.lead [lang="en"]').innerText(), new RegExp(`^${lessons.length} short lessons`));
  assert.equal(await page.locator('.lead').getAttribute('data-lesson-count'), String(lessons.length));
  assert.match(await page.locator('.lesson-summary').innerText(), new RegExp(`of ${lessons.length} lessons`));
  await page.locator('.glossary-link a').click();
  await page.locator('main.glossary-page[data-ready="true"]').waitFor();
  assert.ok(await page.locator('.lesson-article[lang="en"] table').isVisible());
  assert.equal(await page.locator('.lesson-article[lang="zh-CN"]').isVisible(), false);
  await page.goto(`${site.baseUrl}/index.html`);
  assert.equal(await page.locator('[data-lesson-count]').innerText(), String(lessons.length));
  // The last lesson's "next" leads back to the list; the one before a gap leads over it.
  const html = await (await fetch(`${site.baseUrl}/lessons/${lessons.at(-1).slug}.html`)).text();
  assert.match(html, /class="step-onward" href="\.\/"/);
  assert.deepEqual(page.problems, []);
});
