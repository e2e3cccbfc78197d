// The main journeys, written once against the driver interface of drivers.mjs and run in Firefox and in WebKit by
// run.mjs. Each checks real numbers from the engine (the page's against the same engine under node, or a
// seed's published ones), takes whole-page screenshots at 1280 and 360 px and ends with no page error.
import assert from 'node:assert/strict';
import { wrapTrainer } from '../../../web/src/engine/trainer.js';
import { readState, trainerConfig, trainChoices } from '../../../web/src/train/state.js';
import { readCapabilities } from '../../../web/src/engine/capabilities.js';
import { wrapNetwork } from '../../../web/src/engine/network.js';

/**
 * @typedef {import('./drivers.mjs').Driver} Driver
 * @typedef {{driver: Driver, engine: any, module: any, csp: {baseUrl: string}}} Context
 */

export const WIDE = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 760 };

// ---- reading a <bp-graph> (these functions run in the page: self-contained) -------------------------------------

/** What a bp-graph shows: its counter, whether Next is enabled, each node's test hooks and the wire labels. */
function graphState(selector) {
  const host = document.querySelector(selector);
  const root = host?.shadowRoot;
  const svg = root?.querySelector('svg.graph');
  if (!host || !root || !svg) return null;
  const next = [...root.querySelectorAll('.toolbar button')].find((b) => b.textContent?.trim() === 'Next step');
  const box = svg.getBoundingClientRect();
  return {
    ready: host.getAttribute('data-ready') === 'true',
    counter: root.querySelector('.counter')?.textContent ?? '',
    nextDisabled: next ? next.disabled : null,
    drawn: { width: box.width, height: box.height },
    nodes: [...root.querySelectorAll('[data-node-id]')].map((node) => ({
      label: node.getAttribute('data-label'), leaf: node.classList.contains('leaf'),
      value: node.getAttribute('data-value'), grad: node.getAttribute('data-grad'),
    })),
    out: {
      value: root.querySelector('.wire-value[data-wire="out"]')?.textContent ?? '',
      grad: root.querySelector('.wire-grad[data-wire="out"]')?.textContent ?? '',
    },
    wireGrads: [...root.querySelectorAll('.wire-grad[data-wire]')].map((t) => t.textContent ?? '').filter((t) => t !== ''),
  };
}

/** Scrolls a (lazily starting) widget into view. */
function scrollTo(selector) {
  document.querySelector(selector)?.scrollIntoView({ block: 'center' });
  return true;
}

/** Waits until the bp-graph at `selector` has drawn its graph. @param {Driver} driver @param {string} selector */
async function graphReady(driver, selector) {
  await driver.evaluate(scrollTo, selector);
  return driver.waitFor((s) => {
    const host = document.querySelector(s);
    return host?.getAttribute('data-ready') === 'true' && host.shadowRoot?.querySelector('svg.graph') ? true : null;
  }, selector, { what: `${selector} to be ready`, timeout: 60000 });
}

/**
 * Clicks the graph's Next step button until the counter reaches the end, checking each click moves one step.
 * @param {Driver} driver @param {string} selector @returns the graph's state at the end
 */
async function stepToEnd(driver, selector) {
  let state = await driver.evaluate(graphState, selector);
  const [, first, total] = /^Step (\d+) of (\d+)$/.exec(state?.counter ?? '') ?? [];
  assert.ok(total, `a step counter (${state?.counter})`);
  for (let n = Number(first); n < Number(total); n++) {
    assert.equal(state?.nextDisabled, false, `Next step is enabled at step ${n}`);
    await driver.click({ css: `${selector} >>> .toolbar button`, text: 'Next step' });
    const want = `Step ${n + 1} of ${total}`;
    await driver.waitFor(([s, w]) => document.querySelector(s)?.shadowRoot?.querySelector('.counter')?.textContent === w,
      [selector, want], { what: `${selector}: ${want}`, timeout: 10000 });
    state = await driver.evaluate(graphState, selector);
  }
  assert.equal(state?.nextDisabled, true, 'Next step is disabled at the end');
  return /** @type {NonNullable<typeof state>} */ (state);
}

const leafGrads = (state) => Object.fromEntries(state.nodes.filter((n) => n.leaf).map((n) => [n.label, n.grad]));
/** The engine's number as the widget writes it on screen (formatNumber: 4 decimals, true minus). */
const shown = (value) => {
  const text = value.toFixed(4).replace(/\.?0+$/, '');
  return (text === '-0' ? '0' : text).replace(/^-/, '−');
};
const sorted = (texts) => [...texts].sort();

/** The page does not scroll sideways (a drawing may scroll inside its own box). */
const sideways = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

/** @param {Driver} driver */
async function noErrors(driver) {
  assert.deepEqual(await driver.errors(), [], `${driver.name}: no page error, rejection or CSP violation`);
}

// ---- the journeys -----------------------------------------------------------------------------------------------

/** @type {{name: string, run: (context: Context) => Promise<void>}[]} */
export const journeys = [
  {
    name: 'playground: (x+y)*z at (-2, 5, -4) steps to value -12 and gradients -4, -4, 3',
    async run({ driver, engine }) {
      const want = engine.grad('(x+y)*z', { x: -2, y: 5, z: -4 });
      assert.deepEqual([want.value, want.grads], [-12, { x: -4, y: -4, z: 3 }]);
      for (const view of [WIDE, PHONE]) {
        await driver.open('/playground.html?lang=en&expr=(x%2By)*z&x=-2&y=5&z=-4', view);
        await graphReady(driver, 'bp-graph');
        const start = await driver.evaluate(graphState, 'bp-graph');
        assert.equal(start?.counter, 'Step 0 of 5');
        assert.ok(start?.nodes.every((n) => n.grad === ''), 'no gradient before the backward pass');
        const end = await stepToEnd(driver, 'bp-graph');
        assert.ok(end.drawn.width > 100 && end.drawn.height > 50, `the graph is drawn (${JSON.stringify(end.drawn)})`);
        assert.equal(end.nodes.find((n) => n.label === 'mul')?.value, String(want.value));
        assert.equal(end.nodes.find((n) => n.label === 'mul')?.grad, '1', 'the seed');
        assert.deepEqual(leafGrads(end), { x: '-4', y: '-4', z: '3' });
        // On screen: the output wire reads −12; the wires carry −4 (x, y and q = x + y), 3 (z) and the seed 1.
        assert.deepEqual(end.out, { value: '−12', grad: '1' });
        assert.deepEqual(sorted(end.wireGrads), sorted(['−4', '−4', '−4', '3', '1']));
        assert.ok(await driver.evaluate(sideways) <= 0, `no sideways scroll at ${view.width} px`);
        await driver.screenshot(`playground-end-${view.width}`);
        await noErrors(driver);
      }
    },
  },
  {
    name: 'lesson 1, the apple shop: the bill graph steps to 220 and gradients 2.2, 110, 200',
    async run({ driver, engine }) {
      const want = engine.grad('L = apple*count*tax; L', { apple: 100, count: 2, tax: 1.1 });  // lesson 1's bill
      const graph = '.lesson-article[lang="en"] .step.is-current bp-graph';
      for (const view of [WIDE, PHONE]) {
        await driver.open('/lessons/01-computational-graphs.html?lang=en&step=1', view);
        await graphReady(driver, graph);
        const end = await stepToEnd(driver, graph);
        const output = end.nodes.find((n) => n.label === 'mul' && n.grad === '1');
        assert.equal(output?.value, String(want.value));
        assert.ok(Math.abs(Number(output?.value) - 220) < 1e-9, `the bill is 220 (${output?.value})`);
        const grads = leafGrads(end);
        assert.deepEqual(grads, Object.fromEntries(Object.entries(want.grads).map(([k, v]) => [k, String(v)])));
        for (const [name, value] of Object.entries({ apple: 2.2, count: 110, tax: 200 })) {
          assert.ok(Math.abs(Number(grads[name]) - value) < 1e-9, `∂f/∂${name} = ${value} (${grads[name]})`);
        }
        assert.equal(end.out.value, '220');
        assert.deepEqual(sorted(end.wireGrads.filter((t) => ['2.2', '110', '200'].includes(t))), ['110', '2.2', '200']);
        // The inline number in the text comes from the engine too.
        const num = await driver.waitFor(() => {
          const element = document.querySelector('.lesson-article[lang="en"] .step.is-current bp-num');
          return element?.dataset.value ? { value: element.dataset.value, text: element.shadowRoot?.textContent } : null;
        }, undefined, { what: 'the bill in the text' });
        assert.deepEqual(num, { value: String(want.value), text: '220' });
        assert.ok(await driver.evaluate(sideways) <= 0, `no sideways scroll at ${view.width} px`);
        await driver.screenshot(`lesson-01-step1-${view.width}`);
        await noErrors(driver);
      }
      // The lesson's own Next goes to step 2 and says so in the address.
      await driver.click('.step-next');
      await driver.waitFor(() => document.querySelector('.lesson-article[lang="en"] .step.is-current')?.getAttribute('data-step') === '2'
        && /[?&]step=2\b/.test(location.search), undefined, { what: 'lesson step 2' });
      await noErrors(driver);
    },
  },
  {
    name: 'training page: circle, 2-8-2 tanh, trains to at least 90 % accuracy in the worker',
    async run({ driver, module }) {
      const query = 'data=circle&layers=8&act=tanh&lr=0.3';
      for (const view of [WIDE, PHONE]) {
        await driver.open(`/train.html?lang=en&${query}`, view);
        await driver.waitFor(() => {
          const page = document.getElementById('train-page');
          return page?.dataset.state === 'ready' && page.dataset.steps === '0';
        }, undefined, { what: 'the trainer', timeout: 60000 });
        const before = await driver.evaluate(() => Number(document.getElementById('train-accuracy')?.dataset.value));
        assert.ok(before < 0.9, `the untrained network is below 90 % (${before})`);
        await driver.click('#play');
        await driver.waitFor(() => Number(document.getElementById('train-accuracy')?.dataset.value) >= 0.9, undefined,
          { what: 'training accuracy ≥ 90 %', timeout: 90000, every: 250 });
        await driver.click('#play');  // now Pause
        await driver.waitFor(() => document.getElementById('play')?.dataset.playing === 'false', undefined, { what: 'pause' });
        const { steps, accuracy, text } = await driver.evaluate(() => ({
          steps: Number(document.getElementById('train-page')?.dataset.steps),
          accuracy: Number(document.getElementById('train-accuracy')?.dataset.value),
          text: document.getElementById('train-accuracy')?.textContent,
        }));
        assert.ok(accuracy >= 0.9 && steps > 0, `accuracy ${accuracy} after ${steps} steps`);
        assert.equal(text, `${(accuracy * 100).toFixed(1)} %`);
        // The same run replayed by the engine under node reaches the same accuracy after the same number of steps.
        const choices = trainChoices(readCapabilities(module));
        const trainer = wrapTrainer(module).createTrainer(trainerConfig(readState(`?${query}`, choices).state));
        try {
          trainer.step(steps);
          assert.equal(trainer.evaluate().accuracy, accuracy, `node's engine after ${steps} steps`);
        } finally {
          trainer.dispose();
        }
        await driver.screenshot(`train-${view.width}`);
        await noErrors(driver);
      }
    },
  },
  {
    name: 'embed bundle under the strict CSP: the blog demo steps (x+y)z to -4, -4, 3; the sigmoid gives 0.73',
    async run({ driver, csp }) {
      const simple = '#post-en bp-graph[expr="(x+y)*z"]';
      const sigmoid = '#post-en bp-graph[expr^="1/(1+exp"]';
      for (const view of [WIDE, PHONE]) {
        await driver.open(`${csp.baseUrl}/blog-demo.html?lang=en`, view);
        // The demo's own script shows the English post and removes the Chinese one.
        await driver.waitFor(() => document.querySelector('h1')?.textContent === 'Deep learning: backpropagation'
          && !document.getElementById('post-zh-CN'), undefined, { what: 'the English post' });
        await graphReady(driver, simple);
        const end = await stepToEnd(driver, simple);
        assert.deepEqual(leafGrads(end), { x: '-4', y: '-4', z: '3' });
        assert.deepEqual(end.out, { value: '−12', grad: '1' });
        // cs231n's sigmoid neuron: f ≈ 0.73; gradients −0.20, 0.39, −0.39, −0.59, 0.20 (Show all).
        await graphReady(driver, sigmoid);
        await driver.click({ css: `${sigmoid} >>> .toolbar button`, text: 'Show all' });
        await driver.waitFor((s) => /^Step (\d+) of \1$/.test(document.querySelector(s)?.shadowRoot?.querySelector('.counter')?.textContent ?? ''),
          sigmoid, { what: 'the sigmoid graph at its end' });
        const neuron = await driver.evaluate(graphState, sigmoid);
        const grads = leafGrads(neuron);
        assert.deepEqual(['w0', 'x0', 'w1', 'x1', 'w2'].map((n) => Number(grads[n]).toFixed(2)), ['-0.20', '0.39', '-0.39', '-0.59', '0.20']);
        assert.equal(neuron?.out.value, shown(Number(neuron?.nodes.at(-1)?.value)));
        assert.equal(Number(neuron?.nodes.at(-1)?.value).toFixed(2), '0.73');
        assert.ok(await driver.evaluate(sideways) <= 0, `no sideways scroll at ${view.width} px`);
        await driver.screenshot(`embed-demo-${view.width}`);
        await noErrors(driver);
      }
      // Dark mode (a second browser started for it), on a phone.
      await driver.open(`${csp.baseUrl}/blog-demo.html?lang=en`, { ...PHONE, colorScheme: 'dark' });
      assert.equal(await driver.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
      await graphReady(driver, simple);
      await driver.click({ css: `${simple} >>> .toolbar button`, text: 'Show all' });
      await driver.waitFor((s) => document.querySelector(s)?.shadowRoot?.querySelector('.counter')?.textContent === 'Step 5 of 5',
        simple, { what: 'the simple graph at its end' });
      assert.deepEqual(leafGrads(await driver.evaluate(graphState, simple)), { x: '-4', y: '-4', z: '3' });
      await driver.screenshot('embed-demo-360-dark');
      await noErrors(driver);
    },
  },
  {
    name: 'tensor stepper: the default batch steps to the end with dW1 equal to the engine, and an entry opens as a sum',
    async run({ driver, module }) {
      const network = wrapNetwork(module);
      const want = network.tensorStep(network.example({})).grads[0].W.flat();
      /** The data-grad-values of node W1 (null until known), and the entry panel's value. */
      const read = () => {
        const root = document.querySelector('bp-tensor-graph')?.shadowRoot;
        return { grads: root?.querySelector('[data-node="W1"]')?.getAttribute('data-grad-values') ?? null,
          entry: root?.querySelector('.entry:not([hidden])')?.getAttribute('data-value') ?? null };
      };
      for (const view of [WIDE, PHONE]) {
        await driver.open('/embed.html?widget=tensor-graph&lang=en', view);
        await driver.waitFor(() => document.querySelector('bp-tensor-graph')?.getAttribute('data-ready') === 'true' || null, undefined,
          { what: 'the tensor stepper', timeout: 60000 });
        await driver.click({ css: 'bp-tensor-graph >>> .toolbar button', text: 'Show all' });
        const grads = await driver.waitFor(() => {
          const root = document.querySelector('bp-tensor-graph')?.shadowRoot;
          return root?.querySelector('[data-node="W1"]')?.getAttribute('data-grad-values') ?? null;
        }, undefined, { what: 'dW1 after Show all' });
        grads.split(',').map(Number).forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= 1e-12, `dW1[${i}] ${g} vs ${want[i]}`));
        await driver.click('bp-tensor-graph >>> .card.result[data-matrix="dW1"] .cell[data-row="0"][data-col="1"]');
        const entry = await driver.waitFor(() => document.querySelector('bp-tensor-graph')?.shadowRoot
          ?.querySelector('.entry:not([hidden])')?.getAttribute('data-value') ?? null, undefined, { what: 'the entry panel' });
        assert.ok(Math.abs(Number(entry) - want[1]) <= 1e-12, `entry dW1(1, 2) ${entry} vs ${want[1]}`);
        assert.ok((await driver.evaluate(read)).grads !== null);
        assert.ok(await driver.evaluate(sideways) <= 0, `no sideways scroll at ${view.width} px`);
        await driver.screenshot(`tensor-stepper-${view.width}`);
        await noErrors(driver);
      }
    },
  },
  {
    name: 'embed iframe form under the strict CSP: a graph steps (formula engine), a network updates (whole engine)',
    async run({ driver, csp }) {
      // Each form loads one of the engine's two wasm modules: bp_scalar for the graph, bp_engine for the network.
      const graph = 'bp-graph';
      await driver.open(`${csp.baseUrl}/embed.html?lang=en&widget=graph&expr=${encodeURIComponent('(x+y)*z')}`
        + `&values=${encodeURIComponent('x=-2, y=5, z=-4')}`, WIDE);
      await graphReady(driver, graph);
      const end = await stepToEnd(driver, graph);
      assert.deepEqual(leafGrads(end), { x: '-4', y: '-4', z: '3' });
      await noErrors(driver);
      // Mazur's worked network (tests/web/journeys/embed.test.mjs): E = 0.298371108760003, then lower after one update.
      await driver.open(`${csp.baseUrl}/embed.html?lang=en&widget=network&step=backward`, WIDE);
      await driver.waitFor(() => document.querySelector('bp-network')?.getAttribute('data-ready') === 'true' || null,
        undefined, { what: 'the network to be ready', timeout: 60000 });
      const loss = () => Number(document.querySelector('bp-network')?.getAttribute('data-loss'));
      assert.ok(Math.abs(await driver.evaluate(loss) - 0.298371108760003) < 1e-12);
      await driver.click({ css: 'bp-network >>> button', text: 'Update weights' });
      await driver.waitFor(() => document.querySelector('bp-network')?.getAttribute('data-loss')?.startsWith('0.28047') || null,
        undefined, { what: 'the loss after one update' });
      await driver.screenshot('embed-frame-network');
      await noErrors(driver);
    },
  },
];
