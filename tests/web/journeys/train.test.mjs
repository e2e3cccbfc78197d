// The training page in Chromium: spiral (2-16-16-3, tanh) trains to 95 % in the worker; the backprop-one-point
// panel shows what the native CLI computes for the same network and sample (the spec comes from an engine session
// under node replaying the page's steps); a learning rate of 50 stops with an explanation and the offered restart
// trains; bad address parameters are named and replaced; clicked points and digits. Its screenshots at 1440 and 360 px,
// light and dark, are in ../sweeps/screens.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startSite } from '../harness.mjs';
import { installWorkerGate } from '../worker-gate.mjs';
import { loadModule, cliPath } from '../../node/load-engine.mjs';
import { wrapTrainer } from '../../../web/src/engine/trainer.js';
import { wrapEngine } from '../../../web/src/engine/engine.js';
import { readState as readWith, trainerConfig, trainChoices } from '../../../web/src/train/state.js';
import { networkLayout } from '../../../web/src/train/render/network.js';

let site;
let api;
/** The page's choices, from the engine's capabilities as the page reads them. */
let choices;
const readState = (search) => readWith(search, choices);
before(async () => {
  const module = loadModule();
  [site, api, choices] = await Promise.all([startSite(), module.then(wrapTrainer),
    module.then((m) => trainChoices(wrapEngine(m).capabilities()))]);
});
after(async () => { await site?.close(); });

async function open(query, view) {
  const page = await site.open(`/train.html?lang=en&${query}`, view);
  await page.waitForSelector('#train-page[data-state="ready"]');
  await page.waitForSelector('#train-page[data-steps="0"]');
  return page;
}
const steps = async (page) => Number(await page.locator('#train-page').getAttribute('data-steps'));

test('spiral, 2-16-16-3 tanh, trains to at least 95 % training accuracy off the main thread', async () => {
  const page = await open('data=spiral&layers=16,16&act=tanh&opt=adam&lr=0.01');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.getElementById('rate')?.dataset.value) > 0);  // steps/s, while playing
  assert.match(await page.locator('#rate').textContent(), /^\d+$/);
  await page.waitForFunction(() => Number(document.getElementById('train-accuracy')?.dataset.value) >= 0.95, null, { timeout: 120000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForSelector('#play[data-playing="false"]');
  const accuracy = Number(await page.locator('#train-accuracy').getAttribute('data-value'));
  assert.ok(accuracy >= 0.95, `accuracy ${accuracy}`);
  // The same run replayed by the engine under node reaches the same accuracy after the same number of steps.
  const trainer = api.createTrainer(trainerConfig(readState('?data=spiral&layers=16,16&act=tanh&opt=adam&lr=0.01').state));
  try {
    trainer.step(await steps(page));
    assert.equal(trainer.evaluate().accuracy, accuracy);
  } finally {
    trainer.dispose();
  }
  assert.deepEqual(page.problems, []);
});

/** Relative difference, with an absolute floor for values near 0. */
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;

test('backprop one point: the panel shows the numbers the CLI computes for the same network and sample', async () => {
  const query = 'data=spiral&layers=6,4&act=tanh&lr=0.3&seed=9&test=0.2';
  const page = await open(query);
  for (let i = 0; i < 7; i++) await page.keyboard.press('s');  // S: one mini-batch
  await page.waitForSelector('#train-page[data-steps="7"]');
  const row = 250;  // a held-out test row
  await page.locator('#row-input').fill(String(row));
  await page.getByRole('button', { name: 'Backprop this row' }).click();
  await page.waitForSelector(`.sample-summary[data-row="${row}"]`);
  const shown = await page.locator('#sample-body [data-key]').evaluateAll((cells) => cells.map((c) =>
    ({ key: c.dataset.key, layer: c.dataset.layer, unit: Number(c.dataset.unit), value: Number(c.dataset.value) })));

  // The engine writes the network and row as a spec; the CLI redoes the sample from it.
  const trainer = api.createTrainer(trainerConfig(readState(`?${query}`).state));
  let spec;
  try {
    trainer.step(7);
    spec = trainer.spec(row);
  } finally {
    trainer.dispose();
  }
  const run = spawnSync(cliPath, ['mlp', '-'], { input: JSON.stringify(spec), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout);
  const cli = JSON.parse(run.stdout);
  let compared = 0;
  for (const cell of shown) {
    let want;
    if (cell.key === 'x') want = spec.x[0][cell.unit];
    else if (cell.key === 'probs' || cell.key === 'p') want = cli.probs[0][cell.unit];
    else want = cli.trace[Number(cell.layer)][cell.key][0][cell.unit];
    assert.ok(close(cell.value, want), `${cell.key}[${cell.layer}][${cell.unit}]: page ${cell.value}, CLI ${want}`);
    compared++;
  }
  assert.equal(compared, 2 + (6 + 4) * 4 + 3 * 3 + 3, 'inputs, z a ∂L/∂a δ per hidden unit, z p δ per logit, the bars');
  assert.ok(close(Number(await page.locator('.sample-summary').getAttribute('data-loss')), cli.loss));
  assert.equal(await page.locator('.sample-summary').getAttribute('data-label'), String(spec.y[0]));

  // The chain rule of W2[3→4] (layer 2, from unit 3, to unit 4), picked with the keyboard-reachable form.
  await page.locator('#w-layer').selectOption({ value: '1' });
  await page.locator('#w-from').selectOption({ value: '2' });
  await page.locator('#w-to').selectOption({ value: '3' });
  await page.getByRole('button', { name: 'Show the chain rule' }).click();
  const caption = page.locator('#chain .chain-caption');
  await caption.waitFor();
  const rule = { value: Number(await caption.getAttribute('data-value')), parameter: Number(await caption.getAttribute('data-parameter')) };
  assert.ok(close(rule.value, cli.grads[1].W[2][3]), `∂L/∂W: page ${rule.value}, CLI ${cli.grads[1].W[2][3]}`);
  assert.ok(close(rule.parameter, spec.layers[1].W[2][3]), `W: page ${rule.parameter}, spec ${spec.layers[1].W[2][3]}`);
  await page.locator('#chain .katex-display').nth(2).waitFor();  // KaTeX is fetched on demand: the lines fill in
  assert.ok(await page.locator('#chain .katex-display').count() >= 3, 'the chain-rule lines are typeset');
  // Clicking a line of the drawing picks that weight too.
  const { width, height, at } = networkLayout([2, 6, 4, 3]);
  await page.locator('#network-canvas').scrollIntoViewIfNeeded();
  const drawn = await page.locator('#network-canvas').boundingBox();
  const [x1, y1] = at[2][1], [x2, y2] = at[3][2];
  await page.mouse.click(drawn.x + ((x1 + x2) / 2) * (drawn.width / width), drawn.y + ((y1 + y2) / 2) * (drawn.height / height));
  await page.waitForFunction(() => document.querySelector('#chain .chain-caption')?.textContent?.includes('W3[2→3]'));
  const clicked = Number(await caption.getAttribute('data-value'));
  assert.ok(close(clicked, cli.grads[2].W[1][2]), `∂L/∂W3[2→3]: page ${clicked}, CLI ${cli.grads[2].W[1][2]}`);
  // Paused, a weight shows its value and its gradient from the last batch when pointed at; the drawing can be
  // coloured by those gradients.
  assert.match(await page.locator('#network-canvas').getAttribute('title'), /^W3\[2→3\] = −?[\d.e-]+, gradient from the last batch −?[\d.e-]+$/);
  assert.ok(await page.locator('#by-grad').isEnabled());
  await page.locator('#by-grad').check();
  await site.screenshot(page, 'train-sample-desktop');
  assert.deepEqual(page.problems, []);
});

test('the row asked for last is shown, even when a step\'s snapshot overtakes its reply', async () => {
  // The order that once showed the wrong sample, made certain by holding the worker's messages: a row is shown, a
  // step's snapshot is on its way, the learner types another row, and the snapshot is drawn before that reply.
  const query = 'data=spiral&layers=6,4&act=tanh&seed=9';
  const page = await open(query, { initScript: installWorkerGate });
  const ask = async (row) => {
    await page.locator('#row-input').fill(String(row));
    await page.getByRole('button', { name: 'Backprop this row' }).click();
  };
  await ask(5);
  await page.waitForSelector('.sample-summary[data-row="5"]');
  await page.evaluate(() => window.__gate.hold());
  await page.getByRole('button', { name: 'One step' }).click();
  await page.waitForFunction(() => window.__gate.heldTypes().join() === 'snapshot');
  await ask(3);
  await page.waitForFunction(() => window.__gate.heldTypes().join() === 'snapshot,reply');
  await page.evaluate(() => window.__gate.release(1));  // the snapshot first: drawn while row 3's reply waits
  await page.waitForSelector('#train-page[data-steps="1"]');
  await page.evaluate(() => { window.__gate.open(); return window.__gate.roundTrip(); });
  const summary = page.locator('.sample-summary');
  assert.equal(await summary.getAttribute('data-row'), '3', 'the typed row, not the one shown before');
  assert.equal(await page.locator('#row-input').inputValue(), '3');
  // Another step refreshes the shown row with the engine's numbers after two steps.
  await page.getByRole('button', { name: 'One step' }).click();
  await page.waitForSelector('#train-page[data-steps="2"]');
  await page.evaluate(() => window.__gate.roundTrip());
  const trainer = api.createTrainer(trainerConfig(readState(`?${query}`).state));
  try {
    trainer.step(2);
    assert.equal(Number(await summary.getAttribute('data-loss')), trainer.inspect(3).loss);
  } finally {
    trainer.dispose();
  }
  assert.equal(await summary.getAttribute('data-row'), '3');
  assert.deepEqual(page.problems, []);
});

test('a row typed while a clicked point\'s reply is on its way is the row asked for', async () => {
  // The order behind the screenshot test's old timeout: the learner clicks a point, types a row while that reply is
  // held, the reply lands, then they ask for the typed row. The reply must not overwrite what they typed.
  const page = await open('data=spiral&layers=6,4&act=tanh&seed=9', { initScript: installWorkerGate });
  await page.evaluate(() => window.__gate.hold());
  const canvas = await page.locator('#boundary').boundingBox();
  await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);  // the nearest point's row
  await page.waitForFunction(() => window.__gate.heldTypes().includes('reply'));
  await page.locator('#row-input').fill('3');
  await page.evaluate(() => { window.__gate.open(); return window.__gate.roundTrip(); });
  const clicked = await page.locator('.sample-summary').getAttribute('data-row');
  assert.notEqual(clicked, '3', 'the clicked point is another row (else the test proves nothing)');
  assert.equal(await page.locator('#row-input').inputValue(), '3', 'the typed row stays in the box');
  await page.getByRole('button', { name: 'Backprop this row' }).click();
  await page.waitForSelector('.sample-summary[data-row="3"]');
  assert.deepEqual(page.problems, []);
});

test('a learning rate of 50 stops training, says why, and the one-click restart trains', async () => {
  const page = await open('data=spiral&layers=16,16&act=tanh&lr=50');
  await page.keyboard.press(' ');
  const box = page.locator('#divergence');
  await box.waitFor({ state: 'visible', timeout: 30000 });
  const what = await page.locator('#divergence-what').textContent();
  assert.match(what, /A learning rate of 50 is too high for this setup/);
  assert.match(await page.locator('#divergence-why').textContent(), /activations exploded/);
  assert.equal(await page.locator('#play').getAttribute('data-playing'), 'false');
  const stopped = await steps(page);
  assert.ok(stopped > 0 && stopped < 50, `stopped at step ${stopped}`);
  await site.screenshot(page, 'train-diverged-desktop');
  const restart = page.getByRole('button', { name: /Restart with learning rate/ });
  assert.equal(await restart.textContent(), 'Restart with learning rate 0.1');
  await restart.click();
  await page.waitForSelector('#train-page[data-steps="0"]');
  await box.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#c-lr').inputValue(), '0.1');
  assert.equal(new URL(page.url()).searchParams.get('lr'), null, '0.1 is the default: it leaves the address');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.getElementById('train-page')?.dataset.steps) > 500);
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.ok(await box.isHidden());
  assert.deepEqual(page.problems, []);
});

test('bad parameters in the address are named, replaced by defaults, and the page still trains', async () => {
  const page = await site.open('/train.html?lang=en&lr=fast&layers=16,0&data=%3Cimg%20src=x%3E&seed=7');
  await page.waitForSelector('#train-page[data-state="ready"]');
  const notes = await page.locator('#notes p').allTextContents();
  assert.equal(notes.length, 3);
  assert.match(notes.join('\n'), /“lr=fast” is not valid here/);
  assert.match(notes.join('\n'), /“data=<img src=x>”/);
  assert.equal(await page.locator('#notes img').count(), 0);
  assert.equal(await page.locator('#c-seed').inputValue(), '7', 'the good parameter is kept');
  // A bad value typed into a control is refused with a message; the running settings stay.
  await page.locator('#c-layers').fill('8,x');
  await page.locator('#c-layers').press('Enter');
  await page.locator('#c-layers').dispatchEvent('change');
  await page.locator('#e-layers').waitFor();
  assert.match(await page.locator('#e-layers').textContent(), /not a list of layer sizes/);
  assert.equal(await page.locator('#c-layers').getAttribute('aria-invalid'), 'true');
  await page.getByRole('button', { name: 'One step' }).click();
  await page.waitForSelector('#train-page[data-steps="1"]');
  assert.deepEqual(page.problems, []);
});

test('the menus are the engine\'s: datasets, activations, optimisers, rates and classes come from capabilities()', async () => {
  const page = await open('data=spiral&layers=4');
  const values = (selector) => page.locator(selector).evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(await values('#c-act option'), choices.activations);
  assert.deepEqual(await values('#c-data option'), choices.datasets);
  assert.deepEqual(await values('#c-opt option'), choices.optimizers);
  assert.deepEqual((await values('#rates option')).map(Number), choices.rates);
  assert.equal((await values('#add-class option')).length, choices.classes.spiral);
  assert.match(await page.locator('#c-data option[value="spiral"]').textContent(), new RegExp(`${choices.classes.spiral} classes`));
  assert.deepEqual(page.problems, []);
});

test('clicked points join the data and the address; a classroom link hides the settings', async () => {
  const page = await open('data=xor&layers=4');
  await page.getByLabel('adds a point of class').check();
  await page.locator('#add-class').selectOption({ value: '1' });
  const box = await page.locator('#boundary').boundingBox();
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.25);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pts') !== null);
  const [x, y, c] = new URL(page.url()).searchParams.get('pts').split(',').map(Number);
  assert.ok(Math.abs(x - 0.625) < 0.01 && Math.abs(y - 0.625) < 0.01 && c === 1, `point ${x}, ${y}, class ${c}`);
  await page.waitForSelector('#train-page[data-state="ready"]');
  await page.getByLabel(/classroom link/).check();
  const link = new URL(await page.locator('#share-link').inputValue());
  assert.equal(link.searchParams.get('hide'), 'all');
  const pupil = await open(link.search.slice(1));
  assert.ok(await pupil.locator('#c-data').isHidden());
  assert.ok(await pupil.locator('#c-lr').isHidden());
  assert.ok(await pupil.getByRole('button', { name: 'Play' }).isVisible());
  assert.equal(await pupil.locator('#c-layers').inputValue(), '4');
  assert.deepEqual([...page.problems, ...pupil.problems], []);
});

test('digits show as images with their predicted probabilities', async () => {
  const page = await open('data=digits&layers=32&act=relu&batch=64&test=0.2');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => Number(document.getElementById('train-page')?.dataset.steps) > 300);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.locator('.digit').first().click();
  await page.waitForSelector('.sample-summary');
  assert.equal(await page.locator('.prob-bars [data-key="probs"]').count(), 10);
  assert.ok(await page.locator('.digit').count() >= 40);
  await site.screenshot(page, 'train-digits-desktop');
  assert.deepEqual(page.problems, []);
});

test('lesson 12 and the home page link to the training page', async () => {
  const lesson = await site.open('/lessons/12-train-a-network.html?lang=en');
  // The link sits in the lesson's last step (shown when the learner gets there): follow its address.
  const link = lesson.locator('[lang="en"] a[href="../train.html"]').first();
  const target = new URL(await link.getAttribute('href'), lesson.url());
  assert.equal(target.pathname, '/train.html');
  await lesson.goto(target.href);
  await lesson.waitForSelector('#train-page[data-state="ready"]');
  const home = await site.open('/index.html');
  assert.equal(await home.locator('main a[href="./train.html"]').count(), 1);
  assert.equal(await home.locator('.bp-shell a[href="./train.html"]').count(), 1);
  assert.deepEqual([...lesson.problems, ...home.problems], []);
});

test('?lang=zh-CN shows the page in Chinese, and the switch changes it in place', async () => {
  const page = await site.open('/train.html?lang=zh-CN&data=moons&layers=4');
  await page.waitForSelector('#train-page[data-state="ready"]');
  assert.equal(await page.locator('#play').textContent(), '开始');
  assert.match(await page.locator('#keys').textContent(), /空格键/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.getElementById('play')?.textContent === 'Play');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.equal(new URL(page.url()).searchParams.get('data'), 'moons', 'the settings stay in the address');
  assert.deepEqual(page.problems, []);
});
