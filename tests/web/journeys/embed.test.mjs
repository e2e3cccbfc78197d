// The embed bundle in Chromium, served with the strict Content-Security-Policy of the issue: the seed-000 demo
// page (a blogger's page: one script tag) steps its graphs to the seed's published gradients with zero CSP
// violations; the docs page's live preview of every widget works under the same policy and follow edits to
// their snippets; the iframe form validates its address. Screenshots: docs, demo and iframe form at 1440 and 360 px,
// and the demo in dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';
import { STRICT_CSP, recordViolations, violations, startAll, leafGrads, WIDGET_NAMES } from '../embed-helpers.mjs';

let site;
before(async () => { site = await startSite({ headers: { 'Content-Security-Policy': STRICT_CSP } }); });
after(async () => { await site?.close(); });

const open = (urlPath, view = {}) => site.open(urlPath, { ...view, initScript: recordViolations });

test('under the strict CSP, the demo page re-creates seed 000: (x+y)z, the sigmoid neuron and the max gate', async () => {
  const page = await open('/blog-demo.html');
  assert.equal(await page.locator('h1').first().textContent(), '深度学习——反向传播');
  assert.equal(await startAll(page, 'bp-graph'), 3, 'one live graph per picture of the post');
  assert.equal(await page.locator('img').count(), 0, 'no static picture left');

  const simple = page.locator('#graph-simple');
  await simple.scrollIntoViewIfNeeded();
  const next = simple.getByRole('button', { name: '下一步' });
  while (await next.isEnabled()) await next.click();  // step through to the end, as a reader would
  // The post: df/dx = −4, df/dy = −4, df/dz = 3 at x = −2, y = 5, z = −4.
  assert.deepEqual(await leafGrads(simple), { x: '-4', y: '-4', z: '3' });

  // cs231n's figure, which the post shows: f ≈ 0.73; gradients −0.20, 0.39, −0.39, −0.59, 0.20.
  const sigmoid = page.locator('#graph-sigmoid');
  await sigmoid.getByRole('button', { name: '全部显示' }).click();
  const output = await sigmoid.locator('[data-node-id]').evaluateAll((nodes) => Number(nodes.at(-1).dataset.value));
  assert.equal(output.toFixed(2), '0.73');
  const sg = await leafGrads(sigmoid);
  assert.deepEqual(['w0', 'x0', 'w1', 'x1', 'w2'].map((n) => Number(sg[n]).toFixed(2)), ['-0.20', '0.39', '-0.39', '-0.59', '0.20']);

  // max sends the gradient to the larger input only: x=3, y=−4, z=2, w=−1 -> ∂f/∂x = 2y = −8, ∂f/∂y = 2x = 6, ∂f/∂z = 2, ∂f/∂w = 0.
  const max = page.locator('#graph-max');
  await max.getByRole('button', { name: '全部显示' }).click();
  assert.deepEqual(await leafGrads(max), { x: '-8', y: '6', z: '2', w: '0' });
  assert.match(await max.locator('.counter').textContent(), /^第 \d+ 步/);

  // KaTeX's fonts reach the host document through the bundle's constructed stylesheet, CSP and all.
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family);
  });
  assert.ok(fonts.includes('KaTeX_Main') && fonts.includes('KaTeX_Math'), fonts.join(', '));
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
  await site.screenshot(page, 'embed-demo-zh-desktop');
});

test('the demo page in English, on a phone and in dark mode', async () => {
  const phone = await open('/blog-demo.html?lang=en', { width: 360, height: 760 });
  assert.equal(await phone.locator('h1').first().textContent(), 'Deep learning: backpropagation');
  assert.equal(await phone.locator('article').count(), 1);
  await startAll(phone, 'bp-graph');
  await phone.locator('bp-graph').first().getByRole('button', { name: 'Show all' }).click();
  assert.deepEqual(await leafGrads(phone.locator('bp-graph').first()), { x: '-4', y: '-4', z: '3' });
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page does not scroll sideways on a phone (${overflow}px)`);
  await site.screenshot(phone, 'embed-demo-en-phone');
  const dark = await open('/blog-demo.html', { width: 1440, colorScheme: 'dark' });
  await startAll(dark, 'bp-graph');
  await site.screenshot(dark, 'embed-demo-zh-dark');
  assert.deepEqual([...await violations(phone), ...await violations(dark)], []);
  assert.deepEqual([...phone.problems, ...dark.problems], []);
});

test('under the strict CSP, the docs page previews every widget and follows edits to a snippet', async () => {
  for (const width of [1440, 360]) {
    const page = await open('/embed-docs.html', { width });
    await page.locator('.preview > *').first().waitFor({ state: 'attached' });  // the widgets' chunks load after the page
    const previews = await startAll(page, '.preview > *');
    assert.equal(previews, await page.locator('#widget-docs section').count(), 'one live preview per widget');
    assert.ok(previews >= 10);
    assert.match(await page.locator('.snippet textarea').first().inputValue(), /src="http:\/\/127\.0\.0\.1:\d+\/embed\/backprop-tutor\.js"/);
    // Seed 002's softmax numbers: outputs [0.0903, 0.2447, 0.665], gradient a − y = [0.0903, −0.7553, 0.665].
    const softmax = page.locator('.preview bp-softmax');
    assert.deepEqual((await softmax.getAttribute('data-outputs')).split(',').map((p) => Number(p).toFixed(4)), ['0.0903', '0.2447', '0.6650']);
    assert.deepEqual((await softmax.getAttribute('data-grads')).split(',').map((g) => Number(g).toFixed(4)), ['0.0903', '-0.7553', '0.6650']);
    // Seed 002's network, worked by hand in tests/cpp/nn_mlp_test.cpp: E = 0.298371108760003, ∂E/∂w(h1→o1) = 0.082167040564231.
    const network = page.locator('.preview bp-network');
    assert.ok(Math.abs(Number(await network.getAttribute('data-loss')) - 0.298371108760003) < 1e-12);
    assert.ok(Math.abs(JSON.parse(await network.getAttribute('data-grads'))[1][0][0] - 0.082167040564231) < 1e-12);
    assert.equal(await network.locator('tr[data-weight="1:0:0"] td').nth(2).textContent(), '0.082167');
    await network.getByRole('button', { name: 'Update weights' }).click();
    await page.waitForFunction(() => document.querySelector('.preview bp-network')?.dataset.loss?.startsWith('0.28047'));
    const trainer = page.locator('.preview bp-trainer');
    await trainer.scrollIntoViewIfNeeded();
    await trainer.getByRole('button', { name: 'One step' }).click();
    await page.waitForFunction(() => document.querySelector('.preview bp-trainer')?.dataset.steps === '1');

    // Editing the snippet rebuilds the preview from its attributes.
    const area = page.getByLabel('bp-graph snippet');
    await area.fill('<bp-graph expr="x*y" values="x=3, y=-2" step="end"></bp-graph>');
    await page.waitForFunction(() => document.querySelector('.preview bp-graph')?.getAttribute('expr') === 'x*y');
    const graph = page.locator('.preview bp-graph');
    await graph.and(page.locator('[data-ready="true"]')).waitFor();
    await page.waitForFunction(() => document.querySelector('.preview bp-graph')?.shadowRoot?.querySelector('[data-label="x"]')?.dataset.grad === '-2');
    await area.fill('<bp-graph onclick="alert(1)"></bp-graph>');
    await page.getByText('<bp-graph> has no attribute “onclick”').waitFor();
    if (width === 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scroll on a phone (${overflow}px)`);
    }
    await site.screenshot(page, `embed-docs-${width === 360 ? 'phone' : 'desktop'}`);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(page.problems, []);
  }
});

test('the iframe form: a widget from the address, bad addresses as messages', async () => {
  for (const width of [1440, 360]) {
    const page = await open(`/embed.html?widget=graph&expr=${encodeURIComponent('(x+y)*z')}&values=${encodeURIComponent('x=-2, y=5, z=-4')}&step=end&lang=en`, { width });
    await page.locator('bp-graph[data-ready="true"]').waitFor();
    assert.deepEqual(await leafGrads(page.locator('bp-graph')), { x: '-4', y: '-4', z: '3' });
    await site.screenshot(page, `embed-frame-graph-${width === 360 ? 'phone' : 'desktop'}`);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(page.problems, []);
  }
  const network = await open('/embed.html?widget=network&step=backward&lang=zh-CN');
  await network.locator('bp-network[data-ready="true"]').waitFor();
  assert.ok(await network.getByRole('button', { name: '更新权重' }).isEnabled());
  await site.screenshot(network, 'embed-frame-network-zh');
  const cases = [
    ['widget=plot', `Unknown widget “plot”: use one of ${WIDGET_NAMES.join(', ')}.`],
    ['widget=graph&exprr=x', 'Unknown parameter “exprr” for the graph widget (known: expr, values, at, step, mode, stale).'],
    [`widget=graph&expr=${'x+'.repeat(5001)}x`, 'The parameter “expr” is longer than 10000 characters.'],
  ];
  for (const [query, message] of cases) {
    const page = await open(`/embed.html?${query}&lang=en`);
    assert.equal(await page.getByRole('alert').textContent(), message);
    assert.deepEqual(page.problems, []);
  }
});
