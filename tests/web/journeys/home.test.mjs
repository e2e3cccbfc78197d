// The home page loads the wasm engine in Chromium and computes a formula with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

test('the home page evaluates (x+y)*z with the wasm engine', async () => {
  const page = await site.open('/index.html');
  const result = page.locator('#quick-result');
  await result.locator('div').first().waitFor();
  assert.equal(await result.getAttribute('data-value'), '-12');
  assert.match(await result.innerText(), /∂f\/∂x = -4/);
  assert.match(await result.innerText(), /∂f\/∂z = 3/);
  await site.screenshot(page, 'home-desktop');
  assert.deepEqual(page.problems, []);
});

test('a malformed formula shows its error with the column, and the page keeps working', async () => {
  const page = await site.open('/index.html');
  await page.locator('#quick-result div').first().waitFor();
  await page.fill('#formula', '(x+y)*z)');
  await page.click('button[type=submit]');
  await page.locator('#quick-error').waitFor();
  assert.equal(await page.locator('#quick-error').innerText(), "unexpected ')' at column 7");
  await page.fill('#formula', 'x*y*z');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#quick-result')?.getAttribute('data-value') === '40');
  assert.deepEqual(page.problems, []);
});
