// The embed widgets against hostile input, their size limits, churn and crowding, in Chromium: markup in
// attributes, URL parameters and formulas shows as text and never runs; every limit (formula, graph, network,
// dataset) is a readable message; 10,000 widget create/remove cycles leave the wasm heap where it started; a page
// with 50 widgets gets all of them ready and still answers a click; training pauses out of view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, frames } from '../harness.mjs';
import { WIDGET_NAMES, addWidget } from '../embed-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A page holding only the bundle (the iframe form with an empty widget slot), and a helper to add widgets to it. */
async function bare() {
  const page = await site.open('/embed.html?widget=softmax&lang=en');
  await page.locator('bp-softmax[data-ready="true"]').waitFor();
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
  const add = (/** @type {string} */ tag, /** @type {Record<string, string>} */ attrs) => addWidget(page, tag, attrs);
  return { page, add, dialogs: () => dialogs };
}

test('markup in attributes, formulas, labels and the address is text, never HTML', async () => {
  const { page, add, dialogs } = await bare();
  const graph = await add('bp-graph', { expr: HOSTILE, values: 'x=1' });
  assert.match(await graph.getByRole('alert').textContent(), /<img src=x onerror=alert\(1\)>|unexpected '<'/);
  const values = await add('bp-graph', { expr: 'x*2', values: 'x=<b>1</b>' });
  assert.ok((await values.getByRole('alert').textContent()).includes("'<b>1</b>'"), 'the bad value is quoted as text');
  const network = await add('bp-network', { layers: HOSTILE });
  assert.match(await network.getByRole('alert').textContent(), /layers: not valid JSON/);
  const inputs = await add('bp-network', { inputs: HOSTILE });
  assert.ok((await inputs.getByRole('alert').textContent()).includes('“<img'));
  const trainer = await add('bp-trainer', { dataset: HOSTILE });
  assert.ok((await trainer.getByRole('alert').textContent()).length > 0);
  await add('bp-math', { tex: HOSTILE });
  const softmax = await add('bp-softmax', { logits: `z0=${HOSTILE}` });
  assert.match(await softmax.getByRole('alert').textContent(), /logits: “<img” is not a number/);

  const frame = await site.open(`/embed.html?widget=graph&expr=${encodeURIComponent(HOSTILE)}&values=${encodeURIComponent(HOSTILE)}`);
  let frameDialogs = 0;
  frame.on('dialog', (d) => { frameDialogs++; d.dismiss(); });
  await frame.getByRole('alert').waitFor();
  const other = await site.open(`/embed.html?widget=${encodeURIComponent(HOSTILE)}&lang=en`);
  assert.equal(await other.getByRole('alert').textContent(), `Unknown widget “${HOSTILE}”: use one of ${WIDGET_NAMES.join(', ')}.`);
  for (const p of [page, frame, other]) assert.equal(await p.locator('img').count(), 0, 'no <img> anywhere, shadow roots included');
  assert.equal(dialogs() + frameDialogs, 0);
  assert.deepEqual([...page.problems, ...frame.problems, ...other.problems], []);
});

test('every size limit gives a clear message', async () => {
  const { page, add } = await bare();
  const long = await add('bp-graph', { expr: 'x+'.repeat(5001) + 'x', values: 'x=1' });
  assert.match(await long.getByRole('alert').textContent(), /10000 characters/);
  const terms = Array.from({ length: 250 }, (_, i) => `a${i}*b`).join('+');
  const big = await add('bp-graph', { expr: terms, values: [...Array.from({ length: 250 }, (_, i) => `a${i}=1`), 'b=1'].join(', ') });
  assert.match(await big.getByRole('alert').textContent(), /has 750 nodes; the stepper draws at most 400/);
  const w = (rows, cols) => JSON.stringify(Array.from({ length: rows }, () => Array(cols).fill(0.1)));
  const deep = await add('bp-network', { layers: `[${Array(5).fill(`{"W": ${w(2, 2)}, "b": [0, 0]}`).join(',')}]`, targets: '0, 1' });
  assert.match(await deep.getByRole('alert').textContent(), /5 layers; this widget draws at most 4/);
  const wide = await add('bp-network', { layers: `[{"W": ${w(2, 9)}, "b": ${JSON.stringify(Array(9).fill(0))}}]` });
  assert.match(await wide.getByRole('alert').textContent(), /2×9; this widget draws at most 8 units per layer/);
  const samples = await add('bp-trainer', { samples: '5000' });
  assert.match(await samples.getByRole('alert').textContent(), /samples: 5000 is above the largest allowed value, 2000/);
  const layers = await add('bp-trainer', { layers: '64' });
  assert.match(await layers.getByRole('alert').textContent(), /at most 4 hidden layers of at most 32 units/);
  const noise = await add('bp-trainer', { noise: '3' });
  assert.match(await noise.getByRole('alert').textContent(), /"noise" must be in \[0\.0, 1\.0\]/);
  assert.deepEqual(page.problems, []);
});

test('10,000 widget create/remove cycles leave the wasm heap where it started', async () => {
  const { page } = await bare();
  const cycles = (n) => page.evaluate(async (n) => {
    // Every kind of widget, each with its engine objects (formula sessions, a trainer session); a bad formula too.
    const kinds = [['bp-graph', { expr: '(x+y)*z', values: 'x=-2, y=5, z=-4' }], ['bp-network', { step: 'backward' }],
      ['bp-trainer', { layers: '4', samples: '40' }], ['bp-softmax', { logits: 'z0=1, z1=2, z2=3' }],
      ['bp-graph', { expr: 'max(x, y)', values: 'x=1, y=2' }], ['bp-network', {}], ['bp-trainer', { layers: '2', samples: '20' }],
      ['bp-graph', { expr: '(x+y', values: 'x=1' }]];
    const box = document.createElement('div');
    document.querySelector('main').prepend(box);
    const BATCH = 100;
    for (let done = 0; done < n; done += BATCH) {
      const widgets = [];
      for (let i = 0; i < BATCH; i++) {
        const [tag, attrs] = kinds[(done + i) % kinds.length];
        const element = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
        element.style.height = '2px';  // a batch fits in view, so every widget starts
        element.style.overflow = 'hidden';
        widgets.push(element);
      }
      box.replaceChildren(...widgets);
      await new Promise((resolve) => {  // each widget's data-ready="true" is the event awaited
        const allReady = () => widgets.every((w) => w.dataset.ready === 'true');
        if (allReady()) return resolve(undefined);
        const observer = new MutationObserver(() => {
          if (allReady()) { observer.disconnect(); resolve(undefined); }
        });
        observer.observe(box, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
      });
      box.replaceChildren();
    }
    box.remove();
    const { heapBytesInUse } = await import('./embed/backprop-tutor.js');
    return heapBytesInUse();
  }, n);
  await cycles(200);  // let the allocator reach its steady state
  const before = await cycles(0);
  const afterCycles = await cycles(10000);
  console.log(`wasm heap in use: ${before} bytes before, ${afterCycles} after 10,000 cycles`);
  assert.equal(afterCycles, before);
  assert.deepEqual(page.problems, []);
});

test('a page with 50 widgets: all become ready and a step click still answers', async () => {
  const { page } = await bare();
  await page.evaluate(() => {
    const main = document.querySelector('main');
    for (let i = 0; i < 50; i++) {
      const kind = i % 4;
      const element = document.createElement(['bp-graph', 'bp-softmax', 'bp-network', 'bp-trainer'][kind]);
      if (kind === 0) { element.setAttribute('expr', `(x+y)*z + ${i}`); element.setAttribute('values', 'x=-2, y=5, z=-4'); }
      if (kind === 3) element.setAttribute('autoplay', '');
      element.className = 'crowd';
      main.append(element);
    }
  });
  const crowd = page.locator('.crowd');
  for (let i = 0; i < 50; i++) {
    await crowd.nth(i).scrollIntoViewIfNeeded();
    await crowd.nth(i).and(page.locator('[data-ready="true"]')).waitFor();
  }
  const graph = crowd.nth(48);  // a graph next to training widgets that are playing
  await graph.scrollIntoViewIfNeeded();
  await graph.getByRole('button', { name: 'Next step' }).click();
  await graph.locator('.counter', { hasText: 'Step 1 of' }).waitFor({ timeout: 2000 });
  assert.deepEqual(page.problems, []);
});

test('training pauses out of view and resumes in view; a removed trainer frees its session', async () => {
  const { page, add } = await bare();
  const trainer = await add('bp-trainer', { autoplay: '', dataset: 'xor' });
  await page.waitForFunction(() => Number(document.querySelector('bp-trainer')?.dataset.steps) > 20);
  await page.evaluate(() => { const s = document.createElement('div'); s.style.height = '5000px'; document.querySelector('main').append(s); window.scrollTo(0, 4500); });
  // The widget says so once its observer has seen it leave (its animation frame cancelled in the same call).
  await trainer.getByText('Paused while out of view.').waitFor();
  const paused = Number(await trainer.getAttribute('data-steps'));
  await frames(page, 30);  // frames in each of which a playing trainer in view trains
  assert.equal(Number(await trainer.getAttribute('data-steps')), paused, 'no steps while out of view');
  await trainer.scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => Number(document.querySelector('bp-trainer')?.dataset.steps) > n, paused);
  await page.evaluate(() => document.querySelector('bp-trainer').remove());
  await frames(page);  // a frame queued before the removal would have run (and thrown) by now
  assert.deepEqual(page.problems, []);
});
