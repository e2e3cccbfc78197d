// The site shell (its sweep over every page is ../sweeps/shell.test.mjs): the theme toggle (remembered, applied
// by a blocking script before the first paint, announced to canvases); the language switch on the home page; the home page's autoplaying hero.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';
import { SITE_PAGES } from '../site-pages.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('the theme early script blocks in <head> before any stylesheet, on every page with a bar', async () => {
  for (const entry of SITE_PAGES.filter((e) => e.section !== null)) {
    const html = await (await fetch(site.baseUrl + entry.path)).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const early = head.search(/<script\s+src="(\.\.\/|\.\/)theme-early\.js"><\/script>/);
    assert.ok(early > 0, `${entry.name}: theme-early.js is a plain blocking script`);
    assert.ok(early < head.indexOf('rel="stylesheet"'), `${entry.name}: before the stylesheets`);
  }
});

test('the theme toggle: dark, light, auto; remembered across pages; announced; applied before scripts run', async () => {
  const page = await site.open('/playground.html?lang=en', { colorScheme: 'light' });
  await page.locator('bp-graph[data-ready="true"]').waitFor();
  await page.evaluate(() => { window.__themes = []; document.addEventListener('bp-theme-change', (e) => window.__themes.push(e.detail.theme)); });
  const state = () => page.evaluate(() => ({ theme: document.documentElement.dataset.theme, scheme: getComputedStyle(document.documentElement).colorScheme,
    saved: localStorage.getItem('bp-tutor.theme'), bg: getComputedStyle(document.body).backgroundColor }));
  const toggle = page.locator('.shell-theme');
  assert.match(await toggle.innerText(), /Auto/);
  const light = await state();
  assert.deepEqual([light.theme, light.scheme], ['auto', 'light dark']);
  await toggle.click();  // the system is light: the first press goes dark
  const dark = await state();
  assert.deepEqual([dark.theme, dark.scheme, dark.saved], ['dark', 'dark', 'dark']);
  assert.notEqual(dark.bg, light.bg);
  assert.match(await toggle.innerText(), /Dark/);
  await page.goto(`${site.baseUrl}/train.html?lang=en`);
  // Before any module script: the early script has already set the theme.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  await page.goto(`${site.baseUrl}/playground.html?lang=en`);
  await page.evaluate(() => { window.__themes = []; document.addEventListener('bp-theme-change', (e) => window.__themes.push(e.detail.theme)); });
  await toggle.click();
  assert.equal((await state()).theme, 'light');
  await toggle.click();
  assert.deepEqual([(await state()).theme, (await state()).saved], ['auto', 'auto']);
  assert.deepEqual(await page.evaluate(() => window.__themes), ['light', 'auto']);
  assert.deepEqual(page.problems, []);
});

test('the home page follows the language switch, and the choice carries to the next page', async () => {
  const page = await site.open('/index.html?lang=en', { width: 360 });
  await page.locator('#quick-result div').first().waitFor();
  await page.getByRole('button', { name: '中文' }).click();
  assert.equal(await page.locator('h1').textContent(), '反向传播小课堂');
  assert.equal(await page.locator('.bp-shell [data-section="lessons"]').innerText(), '课程');
  assert.match(page.url(), /lang=zh-CN/);
  assert.equal(await page.getByRole('button', { name: '中文' }).count(), 0, 'only the other language is offered');
  await page.goto(`${site.baseUrl}/playground.html`);
  assert.equal(await page.locator('h1').textContent(), '练习场');
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Playground');
  assert.deepEqual(page.problems, []);
});

test('the hero steps the apple shop by itself until touched; reduced motion keeps it still', async () => {
  // The page's clock is Playwright's: once the hero is ready it stands still, and the test moves it on by hand,
  // so "no step for ten seconds" takes no ten seconds, and "a step every tick" cannot be missed on a busy machine.
  const page = await site.open('/index.html?lang=en', { clock: true });
  const graph = page.locator('#hero-graph');
  const step = () => graph.evaluate((g) => g.step);
  const TEN_SECONDS = 10000;  // six of the hero's ticks
  // Ready, seen by the hero's IntersectionObserver (one of ours on the same element reports in the same task,
  // after it), then the clock stands still.
  const settle = async () => {
    await graph.and(page.locator('[data-ready="true"]')).waitFor();
    await graph.evaluate((g) => new Promise((resolve) => {
      const observer = new IntersectionObserver(() => { observer.disconnect(); resolve(undefined); });
      observer.observe(g);
    }));
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1));
  };
  await settle();
  assert.ok(await graph.evaluate((g) => g.stepCount) > 2);
  const first = await step();
  await page.clock.runFor(TEN_SECONDS);
  assert.notEqual(await step(), first, 'it steps by itself');
  await graph.locator('svg').first().dispatchEvent('pointerdown');
  const stopped = await step();
  assert.equal(await graph.getAttribute('data-autoplay'), 'false');
  await page.clock.runFor(TEN_SECONDS);
  assert.equal(await step(), stopped, 'no step after the reader touched it');
  assert.equal(await page.locator('#hero-toggle').textContent(), 'Play the animation');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await settle();
  await page.clock.runFor(TEN_SECONDS);
  assert.equal(await step(), 0, 'still under reduced motion');
  await page.locator('#hero-toggle').click();  // the reader may still ask for it
  await page.clock.runFor(TEN_SECONDS);
  assert.ok(await step() >= 1, 'it plays when asked');
  assert.deepEqual(page.problems, []);
});

test('the blog demo keeps its own default (the Chinese original); its switch reloads it in English', async () => {
  const page = await site.open('/blog-demo.html');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('h1', { hasText: 'Deep learning: backpropagation' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.equal(await page.locator('.bp-shell [data-section="embed"]').innerText(), 'Embed');
  assert.deepEqual(page.problems, []);
});
