// <bp-grad-norms> in Chromium under the embed bundle's strict CSP: one bar per layer, each bar the engine's
// gradient norm for the network the attributes name (compared with the same engine under node, never with
// arithmetic done here), the bars ordered as the norms are (a monotone log scale), and the menus re-running the
// engine: sigmoid vanishes (the first layer learns least), a large initial scale with ReLU explodes (every layer's
// gradient a hundred times the largest at scale 1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';
import { loadEngine } from '../../node/load-engine.mjs';
import { STRICT_CSP, recordViolations, violations, addWidget } from '../embed-helpers.mjs';

let site;
let engine;
before(async () => { [site, engine] = await Promise.all([startSite({ headers: { 'Content-Security-Policy': STRICT_CSP } }), loadEngine()]); });
after(async () => { await site?.close(); });

const LAYERS = '1-8-8-8-8-8-1';
/** The norms the engine reports under node for these choices (the widget's defaults besides them). */
const expected = (activation, scale) => engine.network.tensorStep(engine.network.example({
  layers: LAYERS, activation, init_scale: scale, loss: 'mse', batch: 8, seed: 1 })).grad_norms;

const shown = async (widget) => (await widget.getAttribute('data-norms')).split(',').map(Number);
const widths = (widget) => widget.locator('.bar').evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect().width));

/** The menus change an attribute; wait until the engine has answered for it. */
async function choose(widget, menu, value) {
  const before = await widget.getAttribute('data-norms');
  await widget.locator(`select#${menu}`).selectOption(value);
  await widget.page().waitForFunction(([el, old]) => el.dataset.norms !== old, [await widget.elementHandle(), before]);
}

test('one bar per layer, the engine\'s norms, longer bars for larger norms; the menus re-run the engine', async () => {
  const page = await site.open('/embed.html?widget=math&tex=x&lang=en', { initScript: recordViolations });
  await page.locator('bp-math[data-ready="true"]').waitFor();
  const widget = await addWidget(page, 'bp-grad-norms', { layers: LAYERS, activation: 'sigmoid', 'init-scale': '1' });
  const sigmoid = await shown(widget);
  assert.deepEqual(sigmoid, expected('sigmoid', 1));
  assert.equal(await widget.locator('ol.bars li').count(), 6);
  const sizes = await widths(widget);
  for (let i = 0; i < sizes.length; i += 1) {
    for (let j = 0; j < sizes.length; j += 1) {
      if (sigmoid[i] < sigmoid[j]) assert.ok(sizes[i] < sizes[j], `bar ${i + 1} (${sizes[i]}px) should be shorter than bar ${j + 1} (${sizes[j]}px)`);
    }
  }
  assert.ok(sigmoid[0] < sigmoid[5] / 100, `sigmoid: the first layer's gradient should vanish: ${sigmoid}`);
  assert.ok(Number(await widget.getAttribute('data-ratio')) < 0.01);

  await choose(widget, 'activation', 'relu');
  await choose(widget, 'scale', '4');
  assert.equal(await widget.getAttribute('activation'), 'relu');
  const relu = await shown(widget);
  assert.deepEqual(relu, expected('relu', 4));
  const calm = expected('relu', 1);
  assert.ok(Math.min(...relu) > 100 * Math.max(...calm), `relu at 4× scale should explode: ${relu} vs ${calm}`);
  assert.equal(await widget.locator('select#activation').inputValue(), 'relu');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('the widget in Chinese labels its menus in Chinese', async () => {
  const page = await site.open('/embed.html?widget=math&tex=x&lang=zh-CN', { initScript: recordViolations });
  await page.locator('bp-math[data-ready="true"]').waitFor();
  const widget = await addWidget(page, 'bp-grad-norms', { lang: 'zh-CN' });
  assert.match(await widget.locator('.controls').innerText(), /激活函数/);
  assert.deepEqual(await shown(widget), expected('sigmoid', 1));
  assert.deepEqual(page.problems, []);
});
