// The engine's self-description: the wasm module's capabilities() is the CLI's `capabilities` output exactly, it
// has the shape the JS types promise, and the training page's choices are read from it, not kept beside it (its
// menus, class counts, ranges and the rate ladder all equal what the engine says).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadModule, cliPath, repoRoot } from './load-engine.mjs';
import { wrapEngine } from '../../web/src/engine/engine.js';
import { wrapTrainer } from '../../web/src/engine/trainer.js';
import { trainChoices, readState, classCount, rangeTexts } from '../../web/src/train/state.js';

const module = await loadModule();
const engine = wrapEngine(module);
const caps = engine.capabilities();

test('wasm and CLI describe the same engine, byte for byte', () => {
  const run = spawnSync(cliPath, ['capabilities'], { encoding: 'utf8', timeout: 10000 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), module.capabilities());
  assert.deepEqual(JSON.parse(run.stdout), caps);
  const bad = spawnSync(cliPath, ['capabilities', 'extra'], { encoding: 'utf8', timeout: 10000 });
  assert.equal(bad.status, 2);
  assert.match(JSON.parse(bad.stdout).error.message, /no arguments/);
});

test('the description has the documented fields, and is frozen and shared', () => {
  assert.deepEqual(Object.keys(caps).sort(), ['activations', 'datasets', 'leaky_relu_slope', 'learning_rates', 'limits',
    'losses', 'notes', 'optimizers', 'scalar_ops'].sort());
  assert.equal(engine.capabilities(), caps);
  assert.ok(Object.isFrozen(caps) && Object.isFrozen(caps.activations[0]));
  const mul = caps.scalar_ops.find((op) => op.name === 'mul');
  assert.deepEqual(mul, { name: 'mul', symbol: '×', arity: 2, pattern: 'swap', function: false, latex: 'a \\cdot b', rule_latex: ['b', 'a'] });
  assert.deepEqual(caps.activations.map((a) => a.name), ['tanh', 'relu', 'sigmoid', 'leaky_relu', 'linear']);
  assert.equal(caps.leaky_relu_slope, 0.01);
  assert.deepEqual(caps.losses.map((l) => l.name), ['half_sse', 'mse', 'softmax_cross_entropy']);
  assert.deepEqual(caps.optimizers.map((o) => o.name), ['sgd', 'momentum', 'adam']);
  assert.deepEqual(caps.limits.formula, { length: 10000, depth: 256, nodes: 100000 });
  assert.deepEqual(caps.limits.network, { layers: 4, units: 8, samples: 32 });
});

test('every function op of the description is one the formula language accepts, every activation one the trainer does', () => {
  for (const op of caps.scalar_ops.filter((o) => o.function)) {
    const report = engine.grad(op.arity === 2 ? `${op.name}(x, 2)` : `${op.name}(x)`, { x: 0.5 });
    assert.equal(typeof report.value, 'number', op.name);
  }
  const api = wrapTrainer(module);
  for (const { name } of caps.activations) {
    const trainer = api.createTrainer({ dataset: 'xor', samples: 8, layers: [3], activation: name });
    assert.equal(trainer.description.layers[0].activation, name);
    trainer.dispose();
  }
  for (const d of caps.datasets.filter((d) => d.source === 'generated')) {
    const trainer = api.createTrainer({ dataset: d.name, samples: 40, layers: [] });
    assert.equal(trainer.description.dataset.classes, d.classes, d.name);
    assert.equal(trainer.description.dataset.d, d.inputs, d.name);
    trainer.dispose();
  }
});

test('the training page reads its choices from the engine and keeps no copy of its own', () => {
  const choices = trainChoices(caps);
  assert.deepEqual(choices.activations, caps.activations.map((a) => a.name));
  assert.deepEqual(choices.optimizers, caps.optimizers.map((o) => o.name));
  assert.deepEqual(choices.datasets, caps.datasets.filter((d) => d.source !== 'given').map((d) => d.name));
  assert.equal(classCount(choices, 'spiral'), 3);
  assert.equal(classCount(choices, 'digits'), 10);
  assert.deepEqual(choices.rates, caps.learning_rates);
  assert.equal(rangeTexts(choices).seed, caps.limits.trainer.seed);
  // Every activation the engine offers is accepted in the address, and one it does not know is refused.
  for (const name of choices.activations) assert.equal(readState(`?act=${name}`, choices).state.activation, name);
  assert.deepEqual(readState('?act=softplus', choices).notes.map((n) => n.param), ['act']);
  // The lowest rate of the ladder is the lowest the page accepts.
  assert.deepEqual(readState(`?lr=${caps.learning_rates[0]}`, choices).notes, []);
  assert.deepEqual(readState(`?lr=${caps.learning_rates[0] / 2}`, choices).notes.map((n) => n.param), ['lr']);
  // No source file of the page spells out the engine's lists any more.
  const sources = ['web/src/train/state.js', 'web/src/train/train-page.js', 'web/src/engine/trainer.js', 'web/src/engine/network.js']
    .map((file) => [file, fs.readFileSync(path.join(repoRoot, file), 'utf8')]);
  for (const [file, text] of sources) {
    assert.doesNotMatch(text, /'leaky_relu'|'momentum'\s*[,\]|]|'moons'|1e-6\b/, file);
  }
});
