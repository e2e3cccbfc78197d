// The step trace (`steps`) of `./tutor mlp` and of the JS API (web/src/engine/network.js) for the same spec: the
// same steps in the same order with the same names, shapes, rules and numbers (to 1e-12: the wasm build's libm
// may differ from glibc in the last bit), for a dense batch and for a conv + max-pool network.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cliPath, loadModule, repoRoot } from './load-engine.mjs';
import { wrapNetwork } from '../../web/src/engine/network.js';

let network;
before(async () => { network = wrapNetwork(await loadModule()); });

const readSpec = (name) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/data', name), 'utf8'));
const cli = (spec) => {
  const run = spawnSync(cliPath, ['mlp', '-'], { encoding: 'utf8', input: JSON.stringify(spec), timeout: 10000 });
  assert.equal(run.status, 0, run.stdout);
  return JSON.parse(run.stdout);
};

/** Walks both values together: strings, keys and lengths equal, numbers within 1e-12. */
function expectSame(got, want, where = 'steps') {
  if (typeof want === 'number') {
    assert.ok(Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${where}: ${got} vs ${want}`);
  } else if (Array.isArray(want)) {
    assert.ok(Array.isArray(got) && got.length === want.length, `${where}: length`);
    want.forEach((w, i) => expectSame(got[i], w, `${where}[${i}]`));
  } else if (want && typeof want === 'object') {
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), `${where}: keys`);
    for (const key of Object.keys(want)) expectSame(got[key], want[key], `${where}.${key}`);
  } else {
    assert.equal(got, want, where);
  }
}

const batch4 = {
  layers: [
    { W: [[0.1, -0.2, 0.3, 0.4], [0.5, -0.6, 0.7, -0.8], [0.9, 0.1, -0.3, 0.2]], b: [0.1, -0.1, 0.2, 0], activation: 'tanh' },
    { W: [[0.3, -0.1, 0.2], [-0.4, 0.5, 0.1], [0.2, 0.2, -0.6], [0.7, -0.3, 0.4]], b: [0, 0.1, -0.2] },
  ],
  x: [[1, -0.5, 0.25], [-1, 2, 0.5], [0.3, 0.3, -1.2], [0.2, -0.7, 0.9]], y: [2, 0, 1, 1],
  loss: 'softmax_cross_entropy', optimizer: { type: 'sgd', lr: 0.1 },
};

for (const [name, spec] of [['seed 002', readSpec('mlp_seed002.json')], ['batch-4 3-4-3 tanh softmax', batch4],
  ['conv + max pool', readSpec('conv_spec.json')]]) {
  test(`${name}: the JS API returns the CLI's steps`, () => {
    const want = cli(spec);
    const got = network.step(spec);
    assert.ok(want.steps.length > 0);
    expectSame(got.steps, want.steps);
    expectSame(got.grads, want.grads, 'grads');
  });
}

test('a step: names, shapes per factor, numbers when small', () => {
  const { steps } = network.step(batch4);
  const dW1 = steps.find((s) => s.phase === 'backward' && s.op === 'matmul' && s.node === 'M1');
  assert.deepEqual(dW1.inputs.map((i) => [i.name, i.shape]), [['X', [4, 3]], ['W1', [3, 4]]]);
  const rule = dW1.rules.find((r) => r.target === 'dW1');
  assert.equal(rule.latex, 'dW^{(1)} = X^{\\top} dM^{(1)}');
  assert.deepEqual(rule.factors.map((f) => f.shape), [[3, 4], [3, 4], [4, 4]]);
  assert.match(rule.substituted, /^\\begin\{bmatrix\}/);
  const softmax = steps.find((s) => s.phase === 'backward' && s.op === 'softmax_cross_entropy');
  assert.equal(softmax.rules[0].latex, 'dZ^{(2)} = \\frac{1}{N}\\left(P - Y\\right)');
});
