// The matrix playground (tensor.html) in Chromium: it opens on the widget's default network and shows the numbers
// the native CLI computes for the same seeded spec; its settings and step survive the address (share link and
// reload); bad sizes, limits and bad JSON show the engine's message and keep every other setting; the training
// page's "Backprop this batch" opens the worker's next minibatch here (spiral and the 64-input digits). Its
// screenshot sweep is in ../sweeps/screens.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startSite } from '../harness.mjs';
import { auditLines } from '../axe-audit.mjs';
import { loadModule, cliPath, wasmDir } from '../../node/load-engine.mjs';
import { wrapNetwork } from '../../../web/src/engine/network.js';
import { wrapTrainer } from '../../../web/src/engine/trainer.js';
import { wrapEngine } from '../../../web/src/engine/engine.js';
import { readState, trainerConfig, trainChoices } from '../../../web/src/train/state.js';

let site, network, trainer, capabilities;
before(async () => {
  const module = loadModule();
  [site, network, trainer, capabilities] = await Promise.all([startSite(), module.then(wrapNetwork), module.then(wrapTrainer),
    module.then((m) => wrapEngine(m).capabilities())]);
});
after(async () => { await site?.close(); });

const WIDGET = 'bp-tensor-graph';

/** Opens the page and waits until the widget has answered (scrolled to: it starts when in view). */
async function open(query, view) {
  const page = await site.open(`/tensor.html${query}`, view);
  await page.locator('#tensor-page[data-state="ready"]').waitFor();
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  await page.locator(`${WIDGET}[data-ready="true"]`).waitFor();
  return page;
}

/** Each node of the widget: shape, values and gradient as the comma lists it exposes. */
const nodes = (page) => page.locator(`${WIDGET} [data-node]`).evaluateAll((items) => Object.fromEntries(items.map((n) =>
  [n.getAttribute('data-node'), { shape: n.getAttribute('data-shape'), values: n.getAttribute('data-values'), grads: n.getAttribute('data-grad-values') }])));

/** A comma list equals a matrix (row-major) to 1e-12. */
function assertClose(list, matrix, what) {
  assert.ok(list, `${what}: shown`);
  const got = list.split(',').map(Number), want = [matrix].flat(3);
  assert.equal(got.length, want.length, `${what}: entries`);
  got.forEach((value, i) => assert.ok(Math.abs(value - want[i]) <= 1e-12 * Math.max(1, Math.abs(want[i])), `${what}[${i}]: ${value} vs ${want[i]}`));
}

/** Runs the native CLI and parses its JSON. */
function cli(...args) {
  const run = spawnSync(cliPath, args, { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr || run.stdout);
  return JSON.parse(run.stdout);
}

/** The form's settings as the page shows them. */
const form = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-field]')].map((c) => [c.dataset.field, c.value])));

/** The address once the page has written it (it follows a moment after a change). */
const settledUrl = async (page) => {
  await page.waitForFunction(() => document.getElementById('share-link').value === location.href);
  return new URL(page.url());
};

test('it opens on the 3-4-3 tanh softmax-CE batch of 4 and shows the numbers the CLI computes for that seed', async () => {
  const page = await open('?lang=en&at=end');
  const settings = await form(page);
  assert.deepEqual({ ...settings, seed: undefined }, { layers: '3-4-3', activation: 'tanh', loss: 'softmax_cross_entropy', batch: '4', seed: undefined });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tensor-page-'));
  const specFile = path.join(dir, 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify(cli('example', JSON.stringify({ ...settings, batch: Number(settings.batch), seed: Number(settings.seed) }))));
  const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
  const report = cli('mlp', specFile);
  const shown = await nodes(page);
  assertClose(shown.X.values, spec.x, 'X');
  spec.layers.forEach((layer, l) => {
    const n = l + 1;
    assertClose(shown[`W${n}`].values, layer.W, `W${n}`);
    assertClose(shown[`W${n}`].grads, report.grads[l].W, `dW${n}`);
    assertClose(shown[`b${n}`].grads, report.grads[l].b, `db${n}`);
    assertClose(shown[`Z${n}`].values, report.trace[l].z, `Z${n}`);
    assertClose(shown[`Z${n}`].grads, report.trace[l].dz, `dZ${n}`);
  });
  assertClose(shown.A1.values, report.trace[0].a, 'A1');
  assertClose(shown.L.values, report.loss, 'L');
  assert.equal(shown.X.shape, `${settings.batch}x3`);
  fs.rmSync(dir, { recursive: true });
  assert.deepEqual(page.problems, []);
});

test('settings and step live in the address: the share link reopens the same network at the same step', async () => {
  const page = await open('?lang=en');
  await page.getByLabel('Layer sizes', { exact: true }).fill('2-5-3');
  await page.getByLabel('Hidden activation', { exact: true }).selectOption('relu');
  await page.getByLabel('Loss', { exact: true }).selectOption('mse');
  await page.getByLabel('Batch size', { exact: true }).fill('6');
  await page.getByLabel('Seed', { exact: true }).fill('7');
  await page.waitForFunction(() => document.querySelector('bp-tensor-graph')?.shadowRoot?.querySelector('[data-node="X"]')?.getAttribute('data-shape') === '6x2');
  for (let i = 0; i < 3; i++) await page.locator(WIDGET).getByRole('button', { name: 'Next step' }).click();
  const shown = await nodes(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.locator('#share-link').inputValue();
  assert.equal(link, (await settledUrl(page)).href, 'the address bar and the share link agree');
  const url = new URL(link);
  assert.equal(url.pathname, '/tensor.html');
  assert.deepEqual(Object.fromEntries(url.searchParams),
    { layers: '2-5-3', activation: 'relu', loss: 'mse', batch: '6', seed: '7', at: '3', lang: 'en' });
  assert.notEqual(await page.locator('#share-status').textContent(), '');

  const again = await open(url.search);
  assert.deepEqual(await form(again), { layers: '2-5-3', activation: 'relu', loss: 'mse', batch: '6', seed: '7' });
  assert.equal(await again.locator(`${WIDGET} [part=counter]`).textContent(), await page.locator(`${WIDGET} [part=counter]`).textContent());
  assert.deepEqual(await nodes(again), shown, 'the same numbers, known up to the same step');
  assert.equal(await again.locator('#share-link').inputValue(), link);
  assert.deepEqual([...page.problems, ...again.problems], []);
});

test('bad sizes, limits and bad JSON show the engine\'s message, keep every other setting and survive a reload', async () => {
  const page = await open('?lang=en&layers=3-4-3&activation=sigmoid&batch=5&seed=3');
  const choices = { layers: '3-4-3', activation: 'sigmoid', loss: 'softmax_cross_entropy', batch: 5, seed: 3 };
  const refusal = (change) => { try { network.example({ ...choices, ...change }); } catch (error) { return error.message; } return null; };

  await page.getByLabel('Layer sizes', { exact: true }).fill('3-x-3');
  const error = page.locator('#input-error');
  await error.waitFor({ state: 'visible' });
  assert.equal(await error.textContent(), refusal({ layers: '3-x-3' }));
  assert.equal(await page.getByLabel('Layer sizes', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`${WIDGET} [role=alert]`).textContent(), /3-x-3/, 'the widget says it too');
  assert.equal(await page.locator(`${WIDGET} .stale`).count(), 1, 'the last good drawing stays, marked out of date');
  let url = await settledUrl(page);
  assert.deepEqual(Object.fromEntries(url.searchParams), { ...choices, batch: '5', seed: '3', layers: '3-x-3', lang: 'en' });
  await page.reload();
  await page.locator('#input-error').waitFor({ state: 'visible' });
  assert.deepEqual(await form(page), { ...choices, batch: '5', seed: '3', layers: '3-x-3' });

  await page.getByLabel('Layer sizes', { exact: true }).fill('3-4-3');
  await error.waitFor({ state: 'hidden' });
  const tooMany = String(capabilities.limits.tensor.batch + 1);
  await page.getByLabel('Batch size', { exact: true }).fill(tooMany);
  await error.waitFor({ state: 'visible' });
  assert.equal(await error.textContent(), refusal({ batch: Number(tooMany) }));
  assert.deepEqual(await form(page), { ...choices, seed: '3', batch: tooMany });

  // A pasted spec starts as the network shown; broken JSON is refused, and the address keeps the text.
  await page.getByLabel('Batch size', { exact: true }).fill('5');
  await error.waitFor({ state: 'hidden' });
  await page.getByLabel('a pasted spec (JSON)', { exact: true }).check();
  const box = page.getByLabel('Spec', { exact: true });
  assert.equal(await box.inputValue(), JSON.stringify(network.example(choices)));
  const broken = (await box.inputValue()).replace('"loss"', '"loss');
  await box.fill(broken);
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /^spec: /);
  url = await settledUrl(page);
  assert.equal(new URLSearchParams(url.hash.slice(1)).get('spec'), broken);
  await page.reload();
  await page.locator('#input-error').waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel('Spec', { exact: true }).inputValue(), broken);
  assert.equal(await page.locator(`${WIDGET} .tensor`).count(), 0, 'after a reload no other network is drawn as the last good one');
  assert.deepEqual(await auditLines(page), [], 'the refused state passes the audit too');
  await site.screenshot(page, 'tensor-page-refused');
  assert.deepEqual(await form(page), { ...choices, batch: '5', seed: '3' }, 'the seeded choices wait behind the spec');
  await page.getByLabel('sizes and a seed', { exact: true }).check();
  await error.waitFor({ state: 'hidden' });
  assert.equal(new URL(await page.locator('#share-link').inputValue()).hash, '');
  assert.deepEqual(page.problems, []);
});

/** Clicks "Backprop this batch" on a training page and returns the matrix playground's new tab, drawn. */
async function backpropBatch(page) {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Backprop this batch' }).click()]);
  const problems = [];
  tab.on('pageerror', (e) => problems.push(e.message));
  tab.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await tab.locator('#tensor-page[data-state="ready"]').waitFor();
  await tab.locator(WIDGET).scrollIntoViewIfNeeded();
  await tab.locator(`${WIDGET}[data-ready="true"]`).waitFor();
  return Object.assign(tab, { problems });
}

/** The spec a tab's address carries. */
const specOf = (tab) => JSON.parse(new URLSearchParams(new URL(tab.url()).hash.slice(1)).get('spec'));

test('the training page\'s "Backprop this batch" opens its network and next minibatch here (spiral and digits)', async () => {
  for (const [query, steps] of [['data=spiral&layers=8,8&act=tanh&batch=10', 3], ['data=digits&layers=32&act=relu&batch=64&test=0.2', 2]]) {
    const page = await site.open(`/train.html?lang=en&${query}`);
    await page.locator('#train-page[data-state="ready"]').waitFor();
    for (let i = 1; i <= steps; i++) {
      await page.getByRole('button', { name: 'One step' }).click();
      await page.locator(`#train-page[data-steps="${i}"]`).waitFor();
    }
    const tab = await backpropBatch(page);
    // The same run replayed by the engine under node gives the same network and rows.
    const digits = fs.readFileSync(path.join(wasmDir, 'data/digits.json'), 'utf8');  // what the worker fetches
    const run = trainer.createTrainer(trainerConfig(readState(`?${query}`, trainChoices(capabilities)).state), { digits });
    let want;
    try {
      run.step(steps);
      want = run.batchSpec(capabilities.limits.tensor.batch);
    } finally {
      run.dispose();
    }
    assert.deepEqual(specOf(tab), want, query);
    assert.equal(await tab.getByLabel('a pasted spec (JSON)', { exact: true }).isChecked(), true);
    const shown = await nodes(tab);
    assertClose(shown.X.values, want.x, `${query}: X`);
    assertClose(shown.W1.values, want.layers[0].W, `${query}: W1`);
    assert.equal(shown.X.shape, `${want.x.length}x${want.x[0].length}`);
    assert.equal(await tab.locator('#input-error').isHidden(), true);
    assert.ok(await tab.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${query}: no sideways scroll`);
    await site.screenshot(tab, `tensor-page-from-${new URLSearchParams(query).get('data')}`);
    assert.deepEqual([...page.problems, ...tab.problems], [], query);
    await page.context().close();
  }
});

test('the playground and the matrix playground link to each other', async () => {
  const page = await site.open('/playground.html?lang=en');
  await page.locator('#tensor-link').click();
  await page.locator('#tensor-page[data-state="ready"]').waitFor();
  assert.equal(new URL(page.url()).pathname, '/tensor.html');
  assert.equal(await page.locator('.bp-shell [aria-current]').getAttribute('data-section'), 'playground');
  await page.locator('#scalar-link').click();
  await page.waitForURL(/playground\.html/);
  assert.deepEqual(page.problems, []);
});
