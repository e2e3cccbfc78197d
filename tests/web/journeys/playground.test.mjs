// The playground page in Chromium: a malformed formula shows the engine's error at its column and the page keeps
// working; the help line lists the engine's functions; sliders recompute live; the share link round-trips formula,
// inputs, step and quiz mode; the drawing exports as SVG and PNG; hostile text in the address stays text; an
// oversized formula gets a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startSite } from '../harness.mjs';
import { loadEngine } from '../../node/load-engine.mjs';

let site;
let engine;
before(async () => { [site, engine] = await Promise.all([startSite(), loadEngine()]); });
after(async () => { await site?.close(); });

async function open(query = '', view) {
  const page = await site.open(`/playground.html?lang=en${query ? `&${query}` : ''}`, view);
  await page.waitForSelector('bp-graph[data-ready="true"]');
  return page;
}
const grads = (page) => page.locator('bp-graph [data-node-id]').evaluateAll((elements) =>
  Object.fromEntries(elements.filter((n) => n.classList.contains('leaf')).map((n) => [n.dataset.label, n.dataset.grad])));

test('a malformed formula shows its error at the column; fixing it brings the stepper back', async () => {
  const page = await open();
  const box = page.locator('#formula');
  await box.fill('(x+y))*z');
  const error = page.locator('#formula-error');
  await error.waitFor({ state: 'visible' });
  let want;
  try { engine.compile('(x+y))*z'); } catch (e) { want = e; }
  assert.equal(await page.locator('#formula-error-text').textContent(), `${want.message} (column ${want.position})`);
  assert.equal(await page.locator('#formula-caret').textContent(), `${' '.repeat(want.position)}^`);
  await site.screenshot(page, 'playground-error-desktop');
  // The last good graph stays and still steps.
  await page.getByRole('button', { name: 'Show all' }).click();
  assert.equal((await grads(page)).z, '3');

  await box.fill('x*y + sigmoid(x)');
  await error.waitFor({ state: 'hidden' });
  await page.waitForSelector('bp-graph [data-label="sigmoid"]');
  assert.deepEqual(await page.locator('#inputs input[type=text]').evaluateAll((inputs) => inputs.map((i) => i.dataset.variable)), ['x', 'y']);
  assert.deepEqual(page.problems, []);
});

test('the formula help lists the functions the engine offers, in both languages', async () => {
  const names = engine.capabilities().scalar_ops.filter((op) => op.function).map((op) => op.name);
  assert.ok(names.includes('sigmoid') && names.length >= 8, names.join(' '));
  for (const [lang, words] of [['en', 'functions'], ['zh-CN', '函数']]) {
    const page = await site.open(`/playground.html?lang=${lang}`);
    const help = page.locator('#formula-help');
    await help.filter({ hasText: names.join(' ') }).waitFor();
    assert.match(await help.textContent(), new RegExp(`${words} ${names.join(' ')}`));
    await page.context().close();
  }
});

test('typing a value or dragging a slider recomputes live', async () => {
  const page = await open('expr=(x%2By)*z&x=-2&y=5&z=-4&step=5');
  await page.locator('#input-z').fill('2');
  await page.waitForFunction(() => document.querySelector('bp-graph')?.shadowRoot?.querySelector('[data-label="x"]')?.getAttribute('data-grad') === '2');
  assert.equal((await grads(page)).z, '3', 'dz = x + y is unchanged');
  const slider = page.getByRole('slider', { name: 'x' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');  // one slider step: 0.01
  const x = await page.locator('#input-x').inputValue();
  assert.equal(x, '-1.99');
  await page.waitForFunction((want) => document.querySelector('bp-graph')?.shadowRoot?.querySelector('[data-label="z"]')?.getAttribute('data-grad') === want,
    String(engine.grad('(x+y)*z', { x, y: 5, z: 2 }).grads.z));
  assert.deepEqual(page.problems, []);
});

test('the share link reproduces formula, inputs, step and quiz mode', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Apple shop' }).click();
  await page.waitForSelector('bp-graph [data-label="apple_num"]');
  await page.locator('#input-tax').fill('1.2');
  const next = page.getByRole('button', { name: 'Next step' });
  for (let i = 0; i < 3; i++) await next.click();
  await page.getByRole('switch', { name: 'Quiz me' }).check();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.locator('#share-link').inputValue();
  const url = new URL(link);
  assert.equal(url.pathname, '/playground.html');
  assert.equal(url.searchParams.get('expr'), 'apple*apple_num*tax');
  assert.equal(url.searchParams.get('tax'), '1.2');
  assert.equal(url.searchParams.get('step'), '3');
  assert.equal(url.searchParams.get('mode'), 'quiz');

  const again = await site.open(url.pathname + url.search);
  await again.waitForSelector('bp-graph[data-ready="true"] svg.graph');
  assert.equal(await again.locator('#formula').inputValue(), 'apple*apple_num*tax');
  assert.equal(await again.locator('#input-tax').inputValue(), '1.2');
  assert.equal(await again.locator('bp-graph .counter').textContent(), 'Step 3 of 5');
  assert.ok(await again.getByRole('switch', { name: 'Quiz me' }).isChecked());
  assert.equal(await again.locator('#share-link').inputValue(), link);
  assert.deepEqual([...page.problems, ...again.problems], []);
});

test('the drawing downloads as a standalone SVG and as a PNG', async () => {
  const page = await open('expr=(x%2By)*z&x=-2&y=5&z=-4&step=end');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
  const svg = fs.readFileSync(await svgDownload.path(), 'utf8');
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<style>/);
  assert.match(svg, />−12</);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
  const png = fs.readFileSync(await pngDownload.path());
  assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  assert.ok(png.length > 2000, `a real picture (${png.length} bytes)`);
  assert.deepEqual(page.problems, []);
});

test('markup in the address is shown as text, never run', async () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const page = await site.open(`/playground.html?lang=en&expr=${encodeURIComponent(hostile)}&${encodeURIComponent(hostile)}=1`);
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
  await page.locator('#formula-error').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#formula').inputValue(), hostile);
  assert.equal(await page.locator('#formula-echo').textContent(), hostile);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(dialogs, 0);
  assert.deepEqual(page.problems, []);
});

test('a formula too large to draw says so and still gives its value', async () => {
  const terms = Array.from({ length: 250 }, (_, i) => `a${i}*b`).join('+');  // 251 inputs, 250 products, 249 sums
  const page = await site.open(`/playground.html?lang=en&expr=${encodeURIComponent(terms)}`);
  await page.locator('bp-graph').scrollIntoViewIfNeeded();  // below 251 input rows: it starts when scrolled to
  await page.waitForSelector('bp-graph[data-ready="true"]');
  const message = await page.locator('bp-graph .error').textContent();
  assert.match(message, /This formula has 750 nodes; the stepper draws at most 400\. Value: 250\./);
  assert.deepEqual(page.problems, []);
});
