// The wasm trainer under node, through its JS wrapper: the same numbers as the native CLI (bit for bit, float32
// and float64), typed arrays with the right shapes, per-sample deltas, clear errors for bad configs without
// harming the module, and a flat heap over create/step/dispose cycles.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadModule, cliPath, wasmDir } from './load-engine.mjs';
import { wrapTrainer, TrainerError } from '../../web/src/engine/trainer.js';
import { wrapEngine } from '../../web/src/engine/engine.js';

let Module;
let api;
before(async () => {
  Module = await loadModule();
  api = wrapTrainer(Module);
});

/** `./tutor train ... --quiet` through the native CLI: its JSON report. */
function nativeTrain(args) {
  const run = spawnSync(cliPath, ['train', ...args, '--quiet'], { encoding: 'utf8', timeout: 60000 });
  assert.equal(run.status, 0, run.stderr + run.stdout);
  return JSON.parse(run.stdout);
}

// float32 uses the engine's own exp/tanh (plain arithmetic): bit-identical. float64 calls libm's exp and log,
// where glibc (native) and musl (wasm) may differ in the last bit: equal to 1e-13 relative.
test('wasm and native train to the same numbers (float32 bit for bit, float64, minibatches, digits)', () => {
  const digits = fs.readFileSync(path.join(wasmDir, 'data/digits.json'), 'utf8');
  const cases = [
    [['--dataset', 'spiral', '--layers', '16,16', '--activation', 'tanh', '--lr', '0.1', '--steps', '300'],
      { dataset: 'spiral', layers: [16, 16], activation: 'tanh', optimizer: { type: 'sgd', lr: 0.1 } }, 300],
    [['--dataset', 'moons', '--layers', '8', '--activation', 'relu', '--optimizer', 'adam', '--lr', '0.01',
      '--dtype', 'float64', '--seed', '7', '--steps', '200'],
      { dataset: 'moons', layers: [8], activation: 'relu', dtype: 'float64', seed: 7,
        optimizer: { type: 'adam', lr: 0.01 } }, 200],
    [['--dataset', 'digits', '--layers', '32', '--activation', 'relu', '--batch', '64', '--lr', '0.05',
      '--steps', '100'],
      { dataset: 'digits', layers: [32], activation: 'relu', batch_size: 64, optimizer: { type: 'sgd', lr: 0.05 } }, 100],
  ];
  for (const [args, config, steps] of cases) {
    const native = nativeTrain(args);
    const trainer = api.createTrainer(config, { digits });
    try {
      trainer.step(steps);
      const wasm = trainer.evaluate();
      if (config.dtype === 'float64') {
        assert.ok(Math.abs(wasm.loss - native.loss) <= 1e-13 * native.loss, `${config.dataset}: ${wasm.loss} vs ${native.loss}`);
      } else {
        assert.equal(wasm.loss, native.loss, `${config.dataset}: loss`);
      }
      assert.equal(wasm.accuracy, native.accuracy, `${config.dataset}: accuracy`);
      assert.ok(wasm.accuracy > 0.5, `${config.dataset} learnt something`);
    } finally {
      trainer.dispose();
    }
  }
});

test('weights, gradients, grid and data come out as typed arrays of the right shape', () => {
  const trainer = api.createTrainer({ dataset: 'circle', layers: [5], seed: 2 });
  try {
    const before = trainer.gradients(0);
    assert.ok(before.W.data.every((v) => v === 0), 'no gradient before the first step');
    const { loss } = trainer.step(1);
    assert.ok(loss > 0.3 && loss < 1.5, `first loss ${loss}`);
    const { W, b } = trainer.weights(0);
    assert.ok(W.data instanceof Float32Array);
    assert.deepEqual([W.rows, W.cols, W.data.length, b.cols], [2, 5, 10, 5]);
    const grads = trainer.gradients(1);
    assert.deepEqual([grads.W.rows, grads.W.cols], [5, 2]);
    assert.ok(grads.W.data.some((v) => v !== 0));
    // Copies, not views: stepping again does not change what we already hold.
    const held = Float32Array.from(W.data);
    trainer.step(5);
    assert.deepEqual(W.data, held);
    assert.notDeepEqual(trainer.weights(0).W.data, held);
    const grid = trainer.grid({ x0: -1, x1: 1, y0: -1, y1: 1, nx: 20, ny: 10 });
    assert.equal(grid.probs.length, 20 * 10 * 2);
    for (let p = 0; p < 200; p++) assert.ok(Math.abs(grid.probs[2 * p] + grid.probs[2 * p + 1] - 1) < 1e-5);
    const data = trainer.data();
    assert.equal(data.x.length, data.n * 2);
    assert.equal(data.y.length, data.n);
    assert.ok(data.y.every((label) => label === 0 || label === 1));
  } finally {
    trainer.dispose();
  }
});

test('inspect gives per-layer forward values and deltas of one sample', () => {
  const trainer = api.createTrainer({ dataset: 'spiral', layers: [6, 4], dtype: 'float64' });
  try {
    trainer.step(10);
    const s = trainer.inspect(3);
    assert.equal(s.layers.length, 3);
    assert.deepEqual(s.layers.map((l) => l.z.length), [6, 4, 3]);
    // Output delta of softmax cross-entropy for one sample: p − onehot(label).
    s.layers[2].dz.forEach((dz, j) => assert.ok(Math.abs(dz - (s.probs[j] - (j === s.label ? 1 : 0))) < 1e-12));
    // Hidden layers use tanh: dz = da·(1 − a²).
    s.layers[0].dz.forEach((dz, i) => {
      const a = s.layers[0].a[i];
      assert.ok(Math.abs(dz - s.layers[0].da[i] * (1 - a * a)) < 1e-12);
    });
  } finally {
    trainer.dispose();
  }
});

test('bad configs and calls throw TrainerError and leave the module usable', () => {
  const bad = [
    [{ dataset: 'spirals' }, /unknown "spirals"/],
    [{ dataset: 'spiral', layers: [16, -1] }, /hidden layer size/],
    [{ dataset: 'spiral', optimizer: { type: 'sgd', lr: 'x' } }, /"lr" must be a number/],
    [{ dataset: 'digits' }, /digits\.json/],
    [{ dataset: 'spiral', params: [[1]] }, /"params" needs 6 lists/],
    [{}, /"dataset" is required/],
  ];
  for (const [config, message] of bad) {
    assert.throws(() => api.createTrainer(/** @type {any} */ (config)), (e) => e instanceof TrainerError && message.test(e.message));
  }
  assert.throws(() => api.createTrainer({ dataset: 'digits' }, { digits: '{"n": 1, "d": 64, "pixel_max": 16, "x": [], "y": [1]}' }),
    (e) => e instanceof TrainerError && /"x" needs n·d numbers/.test(e.message));
  const t = api.createTrainer({ dataset: 'xor', layers: [3] });
  assert.throws(() => t.weights(7), (e) => e instanceof TrainerError && /layer 7 does not exist/.test(e.message));
  assert.throws(() => t.inspect(99999), TrainerError);
  assert.throws(() => t.grid({ x0: 0, x1: 1, y0: 0, y1: 1, nx: 1, ny: 1 }), TrainerError);
  assert.throws(() => t.step(-1), TrainerError);
  t.dispose();
  assert.throws(() => t.step(1), /disposed/);
  // The formula engine in the same module still works.
  assert.equal(wrapEngine(Module).grad('x*y', { x: 2, y: 3 }).value, 6);
});

test('the heap stays flat over create/step/dispose cycles', () => {
  const cycle = () => {
    const t = api.createTrainer({ dataset: 'moons', layers: [16, 16], batch_size: 32 });
    t.step(20);
    t.evaluate();
    t.grid({ x0: -1, x1: 1, y0: -1, y1: 1, nx: 30, ny: 30 });
    t.inspect(0);
    t.weights(1);
    t.dispose();
  };
  cycle();
  const before = Module.heapBytesInUse();
  for (let i = 0; i < 25; i++) cycle();
  assert.equal(Module.heapBytesInUse(), before);
});

test('the training page\'s calls: test split, predictions, hidden grids, chain rule, spec, divergence', () => {
  const trainer = api.createTrainer({ dataset: 'gauss', layers: [5, 3], test_fraction: 0.25, seed: 3 });
  try {
    trainer.step(20);
    const test = trainer.evaluateTest();
    assert.ok(Number.isFinite(test.loss) && test.accuracy > 0.5, JSON.stringify(test));
    const predictions = trainer.predictions();
    assert.ok(predictions instanceof Int32Array);
    assert.equal(predictions.length, trainer.description.dataset.n);
    assert.equal(predictions[7], trainer.inspect(7).prediction);
    trainer.grid({ x0: -1, x1: 1, y0: -1, y1: 1, nx: 4, ny: 3 });
    const hidden = trainer.gridLayer(1);
    assert.equal(hidden.units, 3);
    assert.equal(hidden.a.length, 4 * 3 * 3);
    // float32 training, float64 inspection: the chain rule's value is the sample's own dW.
    const sample = trainer.inspect(250);
    assert.equal(sample.test, true);
    const rule = trainer.explain(250, 1, 4, 2);
    assert.equal(rule.value, sample.layers[1].dW[4 * 3 + 2]);
    assert.ok(rule.latex.length === 4 && rule.latex.every((line) => typeof line === 'string'));
    const spec = trainer.spec(250);
    assert.deepEqual(spec.x[0], sample.x);
    assert.equal(spec.layers.length, 3);
    for (const bad of [() => trainer.explain(-1, 0, 0, 0), () => trainer.inspect(1.5), () => trainer.spec(NaN)]) {
      assert.throws(bad, TrainerError);
    }
    assert.throws(() => trainer.explain(0, 0, 9, 0), (e) => e instanceof TrainerError && /has weights W/.test(e.message));
    assert.equal(trainer.step(1).diverged, null);
  } finally {
    trainer.dispose();
  }
  const wild = api.createTrainer({ dataset: 'spiral', layers: [16, 16], optimizer: { type: 'sgd', lr: 50 }, halt_on_divergence: true });
  try {
    const { steps, diverged } = wild.step(1000);
    assert.ok(diverged && diverged.step === steps && steps < 50, JSON.stringify(diverged));
    assert.equal(diverged.suggested_lr, 0.1);
    assert.equal(wild.step(10).steps, steps, 'a diverged session stays stopped until reset');
  } finally {
    wild.dispose();
  }
});
