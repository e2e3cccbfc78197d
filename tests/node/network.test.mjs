// The network binding (src/bindings/network_bindings.cpp) under node, through web/src/engine/network.js: Matt
// Mazur's worked 2-2-2 sigmoid network against the hand derivation (tests/cpp/nn_mlp_test.cpp works it out), each size
// limit with its own message, and bad specs as NetworkErrors that leave the module usable.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, repoRoot } from './load-engine.mjs';
import { wrapNetwork, NetworkError } from '../../web/src/engine/network.js';

let network;
before(async () => { network = wrapNetwork(await loadModule()); });

const seed002 = () => JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/data/mlp_seed002.json'), 'utf8'));
/** A layer of `out` units on `inputs` inputs, all weights 0.1. */
const layer = (inputs, out) => ({ W: Array.from({ length: inputs }, () => Array(out).fill(0.1)), b: Array(out).fill(0), activation: 'sigmoid' });

test('seed 002 through the binding: loss, per-weight gradients and the update, as derived by hand', () => {
  const report = network.step(seed002());
  // E = ½(0.01 − 0.751365069552316)² + ½(0.99 − 0.772928465321463)², ∂E/∂w(h1→o1) = f(H1)·δO1, w ← w − 0.5·∂E/∂w.
  const close = (got, want, where) => assert.ok(Math.abs(got - want) < 1e-12, `${where}: ${got} vs ${want}`);
  close(report.loss, 0.298371108760003, 'loss');
  close(report.grads[1].W[0][0], 0.082167040564231, '∂E/∂w(h1→o1)');
  close(report.grads[1].W[0][1], -0.022602540477475, '∂E/∂w(h1→o2)');
  close(report.grads[0].W[0][0], 0.000438567734474, '∂E/∂w(x1→h1)');
  close(report.updated[1].W[0][0], 0.358916479717885, 'updated w(h1→o1)');
  close(report.loss_after, 0.280471446791430, 'loss after the update');
  close(report.trace[0].a[0][0], 0.593269992107187, 'f(H1)');
  close(report.trace[1].dz[0][0], 0.138498561628557, 'δO1');
});

test('each size limit has its own message, and the module stays usable', () => {
  const tooDeep = { ...seed002(), layers: [layer(2, 2), layer(2, 2), layer(2, 2), layer(2, 2), layer(2, 2)] };
  assert.throws(() => network.step(tooDeep), (e) => e instanceof NetworkError && /5 layers; this widget draws at most 4/.test(e.message));
  const tooWide = { ...seed002(), layers: [layer(2, 9), layer(9, 2)] };
  assert.throws(() => network.step(tooWide), /layers\[0\]\.W is 2×9; this widget draws at most 8 units per layer/);
  const tooManyRows = { ...seed002(), x: Array.from({ length: 33 }, () => [0.05, 0.1]), y: Array.from({ length: 33 }, () => [0.01, 0.99]) };
  assert.throws(() => network.step(tooManyRows), /33 input rows; at most 32/);
  assert.throws(() => network.step({ ...seed002(), loss: 'hinge' }), /"loss" must be/);
  assert.throws(() => network.step(/** @type {any} */ ('not a spec')), /expected a JSON object/);
  assert.ok(Math.abs(network.step(seed002()).loss - 0.298371108760003) < 1e-12, 'still works afterwards');
});
