// The tensor stepper <bp-tensor-graph> in Chromium: its numbers equal the CLI's (`bp_cli example` then `bp_cli
// mlp`: the report's grads and per-layer trace, which the graph accumulates apart from the step trace), for a
// dense batch and for a convolution/pooling spec; `at=` opens where it says; a tapped gradient entry is the
// engine's sum; the quiz is graded by the engine (the transpose slip named); keys step it and stay inside a
// heat map; bad attributes are messages that name the problem and keep the last good drawing, dimmed; a width
// change keeps the step. Its screenshot and axe sweep is in ../sweeps/screens.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startSite, repoRoot } from '../harness.mjs';
import { addWidget } from '../embed-helpers.mjs';
import { cliPath } from '../../node/load-engine.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const cli = (...args) => JSON.parse(execFileSync(cliPath, args, { encoding: 'utf8' }));
/** The CLI's report for a spec (written to a temporary file). */
function cliReport(spec) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bp-tensor-')), 'spec.json');
  fs.writeFileSync(file, JSON.stringify(spec));
  return cli('mlp', file);
}

/** A bare page with the bundle, and a widget on it. */
async function mount(attrs, view = {}) {
  const page = await site.open('/embed.html?widget=math&tex=x&lang=en', view);
  await page.locator('bp-math[data-ready="true"]').waitFor();
  const widget = await addWidget(page, 'bp-tensor-graph', attrs);
  return { page, widget };
}

/** Every node's data attributes, by name. */
const nodeData = (widget) => widget.locator('[data-node]').evaluateAll((items) => Object.fromEntries(items.map((item) => [
  item.getAttribute('data-node'), { op: item.dataset.op, shape: item.dataset.shape, values: item.dataset.values ?? null,
    grads: item.dataset.gradValues ?? null }])));

const numbers = (list) => list.split(',').map(Number);
function assertClose(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: ${actual.length} entries, expected ${expected.length}`);
  actual.forEach((value, i) => assert.ok(Math.abs(value - expected[i]) <= 1e-12, `${what}[${i}]: ${value} vs ${expected[i]}`));
}

test('the default network: every value and gradient equals the CLI on the same seeded spec', async () => {
  const spec = cli('example', '{"layers": "3-4-3", "batch": 4, "seed": 1}');
  const report = cliReport(spec);
  const { page, widget } = await mount({ at: 'end' });
  const nodes = await nodeData(widget);
  assert.deepEqual(Object.keys(nodes), ['X', 'W1', 'M1', 'b1', 'Z1', 'A1', 'W2', 'M2', 'b2', 'Z2', 'Y', 'L']);
  assert.equal(nodes.X.shape, '4x3');
  assert.equal(nodes.W1.op, 'parameter');
  assert.equal(nodes.X.op, 'input');
  assert.equal(nodes.M1.op, 'matmul');
  assert.equal(nodes.L.shape, '1x1');
  assertClose(numbers(nodes.X.values), spec.x.flat(), 'X');
  spec.layers.forEach((layer, l) => {
    assertClose(numbers(nodes[`W${l + 1}`].values), layer.W.flat(), `W${l + 1}`);
    assertClose(numbers(nodes[`W${l + 1}`].grads), report.grads[l].W.flat(), `dW${l + 1}`);
    assertClose(numbers(nodes[`b${l + 1}`].grads), report.grads[l].b, `db${l + 1}`);
    assertClose(numbers(nodes[`Z${l + 1}`].values), report.trace[l].z.flat(), `Z${l + 1}`);
    assertClose(numbers(nodes[`Z${l + 1}`].grads), report.trace[l].dz.flat(), `dZ${l + 1}`);
  });
  assertClose(numbers(nodes.A1.values), report.trace[0].a.flat(), 'A1');
  assertClose(numbers(nodes.L.values), [report.loss], 'L');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a convolution and pooling spec: the kernel gradient and the pooled values equal the CLI', async () => {
  const spec = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/data/conv_spec.json'), 'utf8'));
  const report = cliReport(spec);
  const { page, widget } = await mount({ spec: JSON.stringify(spec), at: 'end' });
  const nodes = await nodeData(widget);
  assert.equal(nodes.C1.op, 'conv2d');
  assert.equal(nodes.C1.shape, '2x2x4x4');
  assert.equal(nodes.A2.op, 'max_pool2d');
  assertClose(numbers(nodes.K1.grads), report.grads[0].K.flat(3), 'dK1');
  assertClose(numbers(nodes.b1.grads), report.grads[0].b, 'db1');
  assertClose(numbers(nodes.W3.grads), report.grads[2].W.flat(), 'dW3');
  assertClose(numbers(nodes.A2.values), report.trace[1].a.flat(), 'A2 (pooled)');
  // The max-pool backward step draws pixel grids and lights a routed pair.
  const steps = await widget.evaluate((w) => w.stepCount);
  for (let n = steps; n > 0; n--) {
    await widget.evaluate((w, n) => { w.step = n; }, n);
    if (await widget.locator('.routing-note').count() && await widget.locator('.stage .pixels').count()) {
      const phase = await widget.locator('.phase').textContent();
      if (phase.includes('Backward') && (await widget.locator('.card.result[data-matrix="dA1"]').count())) break;
    }
  }
  assert.equal(await widget.locator('.card.result[data-matrix="dA1"]').count(), 1, 'the max-pool backward step');
  assert.ok(await widget.locator('.stage .cell.lit').count() >= 2, 'an upstream cell and its argmax are lit');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at= opens where it says, and a place the trace lacks is reported', async () => {
  const { page, widget } = await mount({ at: 'forward' });
  let nodes = await nodeData(widget);
  assert.notEqual(nodes.L.values, null, 'the loss is computed');
  assert.equal(nodes.W1.grads, null, 'no gradient yet');
  await widget.evaluate((w) => { w.setAttribute('at', 'backward:W2'); });
  nodes = await nodeData(widget);
  assert.notEqual(nodes.W2.grads, null);
  assert.equal(nodes.W1.grads, null, 'dW1 comes later');
  assert.match(await widget.locator('.rules').textContent(), /W/);
  await widget.evaluate((w) => { w.setAttribute('at', 'backward:Q'); });
  assert.match(await widget.locator('.warnings').textContent(), /backward:Q/);
  assert.equal(await widget.evaluate((w) => w.step), 0);
  await page.context().close();
});

test('a rule\'s side note reads in the page\'s language, translated by the engine\'s key', async () => {
  const notes = {};
  for (const lang of ['en', 'zh-CN']) {
    const page = await site.open(`/embed.html?widget=math&tex=x&lang=${lang}`);
    await page.locator('bp-math[data-ready="true"]').waitFor();
    const widget = await addWidget(page, 'bp-tensor-graph', { at: 'backward:Z1', lang });
    notes[lang] = (await widget.locator('.rule .where').first().textContent()) ?? '';
    await page.context().close();
  }
  // dZ1 = dA1 ⊙ tanh′(Z1): the note of the activation's slope (key activation_slope), words and math.
  assert.match(notes.en, /for each entry/);
  assert.match(notes['zh-CN'], /逐元素/);
  assert.doesNotMatch(notes['zh-CN'], /for each entry/);
});

test('a tapped gradient entry is written out as the engine’s sum, with a link to its scalar graph', async () => {
  const report = cliReport(cli('example', '{}'));
  const { page, widget } = await mount({ at: 'end' });
  await widget.locator('.card.result[data-matrix="dW1"] .cell[data-row="0"][data-col="1"]').click();
  const panel = widget.locator('.entry');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('data-target'), 'dW1');
  const value = Number(await panel.getAttribute('data-value'));
  assert.ok(Math.abs(value - report.grads[0].W[0][1]) <= 1e-12, `${value} vs ${report.grads[0].W[0][1]}`);
  assert.match(await panel.textContent(), /4 examples/);
  const href = await panel.locator('a.playground-link').getAttribute('href');
  const url = new URL(href);
  assert.equal(url.searchParams.get('expr'), 'g1*(x1*w) + g2*(x2*w) + g3*(x3*w) + g4*(x4*w)');
  // The playground steps that formula to the end: its gradient on w is the entry.
  const playground = await site.open(`${url.pathname}${url.search}`.replace(/^.*\/playground/, '/playground'));
  await playground.locator('bp-graph[data-ready="true"]').waitFor();
  const grads = await playground.locator('bp-graph').evaluate((g) => g.report.grads);
  assert.ok(Math.abs(grads.w - value) <= 1e-12, `playground ∂/∂w ${grads.w} vs ${value}`);
  // Keyboard: Enter on a focused entry opens it; arrows move inside the map without stepping the widget.
  const step = await widget.evaluate((w) => w.step);
  await widget.locator('.card.result[data-matrix="dW1"] .cell').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.equal(await widget.evaluate((w) => w.step), step);
  assert.equal(await panel.getAttribute('data-target'), 'dW1');
  assert.deepEqual(page.problems, []);
  await page.context().close();
  await playground.context().close();
});

test('the quiz asks for a shape then an entry, graded by the engine, and names the transpose slip', async () => {
  const { page, widget } = await mount({ at: 'forward', mode: 'quiz' });
  // The next step is the loss's backward step: dZ2 is 4×3.
  const input = widget.locator('.quiz input');
  const feedback = widget.locator('.quiz .feedback');
  await input.fill('3x4');
  await input.press('Enter');
  assert.match(await feedback.textContent(), /transpose/);
  await input.fill('(4, 3)');
  await input.press('Enter');
  assert.match(await feedback.textContent(), /Right/);
  await input.fill('12345');
  await input.press('Enter');
  assert.match(await feedback.textContent(), /Not yet/);
  const before = await widget.evaluate((w) => w.step);
  await widget.locator('.quiz button', { hasText: 'Show me' }).click();
  assert.equal(await widget.evaluate((w) => w.step), before + 1, 'revealed and moved on');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keys step the widget; bad attributes are clear messages over the dimmed last drawing', async () => {
  const { page, widget } = await mount({});
  await widget.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await widget.evaluate((w) => w.step), 2);
  await page.keyboard.press('End');
  assert.equal(await widget.evaluate((w) => w.step), await widget.evaluate((w) => w.stepCount));
  const cases = [
    [{ layers: '3-x' }, /sizes joined by dashes/],
    [{ layers: '3-4-3', batch: '17' }, /batch.*\[1, 16\]/],
    [{ batch: '4', activation: 'swish' }, /unknown activation "swish"/],
    [{ activation: 'tanh', spec: '{"layers": [' }, /spec/],
    [{ spec: JSON.stringify({ layers: [{ W: [[1, 2]], b: [0] }], loss: 'mse', x: [[1]], y: [[1]], optimizer: { type: 'sgd', lr: 0.1 } }) }, /layers\[0\]\.b: expected 2 numbers/],
  ];
  for (const [attrs, message] of cases) {
    await widget.evaluate((w, attrs) => {
      delete w.dataset.ready;
      for (const name of ['spec', 'layers', 'batch', 'activation']) if (!(name in attrs)) w.removeAttribute(name);
      for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
    }, attrs);
    await widget.and(page.locator('[data-ready="true"]')).waitFor();
    assert.match(await widget.locator('[role="alert"]').textContent(), message, JSON.stringify(attrs));
    assert.equal(await widget.locator('.box.tensor.stale[inert]').count(), 1, 'the last good drawing stays, dimmed');
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a change of width keeps the step, and the narrow drawing folds its cards into chips', async () => {
  const page = await site.open('/embed.html?widget=tensor-graph&at=backward:W2&lang=en', { width: 1280 });
  const widget = page.locator('bp-tensor-graph[data-ready="true"]');
  await widget.waitFor();
  const step = await widget.evaluate((w) => w.step);
  assert.equal(await widget.locator('.box.tensor.narrow').count(), 0, 'wide: no chips');
  await page.setViewportSize({ width: 360, height: 900 });
  await widget.locator('.box.tensor.narrow').waitFor();  // set by the resize observer, which redraws at once
  assert.equal(await widget.evaluate((w) => w.step), step, 'the step survives the resize');
  assert.equal(await widget.locator('.card:not([open])').count() > 0, true, 'narrow: cards fold into chips');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
