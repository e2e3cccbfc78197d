// Bad input to every CLI command gets a message that names the field, never "internal error": numbers beyond
// the double range (JSON literals such as 1e400, flag values, formula values), sizes over a limit, and registry
// names, whose "unknown X" list must hold every name the engine's own capabilities report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cliPath } from './load-engine.mjs';

/** @param {string[]} args @param {string} [input] */
function cli(args, input) {
  const run = spawnSync(cliPath, args, { encoding: 'utf8', input, timeout: 20000 });
  return { status: run.status, json: JSON.parse(run.stdout) };
}

/** Exit 2 and an error message matching `want` (and not an internal error). */
function rejects(args, want, input) {
  const { status, json } = cli(args, input);
  assert.equal(status, 2, `${args.join(' ')}: exit code`);
  const message = json.error?.message ?? '';
  assert.doesNotMatch(message, /internal error|json\.exception/, args.join(' '));
  assert.match(message, want, args.join(' '));
}

// JSON.stringify cannot write 1e400, so the spec is text.
const hugeWeight = '{"layers": [{"W": [[1e400]], "b": [0]}], "loss": "mse", "x": [[1]], "y": [[1]], ' +
  '"optimizer": {"type": "sgd", "lr": 0.1}}';

test('a JSON number too large for a double names its field', () => {
  rejects(['example', '{"seed": 1e400}'], /"seed" is 1e400, too large for a number/);
  rejects(['example', '{"layers": [3, 1e400, 2]}'], /"layers\[1\]" is 1e400/);
  rejects(['mlp', '-'], /"layers\[0\]\.W\[0\]\[0\]" is 1e400, too large/, hugeWeight);
  rejects(['mlp', '-'], /"optimizer\.lr" is -1e999/,
    '{"layers": [{"W": [[1]], "b": [0]}], "loss": "mse", "x": [[1]], "y": [[1]], "optimizer": {"lr": -1e999}}');
});

test('numbers too large in flags and formula values name the flag or the variable', () => {
  rejects(['train', '--dataset', 'spiral', '--seed', '1e400', '--quiet'], /--seed: 1e400 is too large/);
  rejects(['train', '--dataset', 'spiral', '--layers', '4,1e999', '--quiet'], /--layers: 1e999 is too large/);
  rejects(['grad', 'x*y', 'x=1e400', 'y=2'], /the value of 'x' is 1e400, too large/);
});

test('a layer size over the tensor stepper\'s limit names the limit, not the format', () => {
  rejects(['example', '{"layers": "3-999999-3"}'], /\[1\] is 999999; the tensor stepper shows 1 to 64 units/);
  rejects(['example', '{"layers": "3-x-3"}'], /sizes joined by dashes/);
});

test('"unknown X" messages list every name the engine registers', () => {
  const caps = cli(['capabilities']).json;
  const names = {
    activation: caps.activations.map((a) => a.name),
    loss: caps.losses.map((l) => l.name),
    optimizer: caps.optimizers.map((o) => o.name),
    dataset: caps.datasets.map((d) => d.name),
  };
  const listed = (message, list) => list.every((name) => message.includes(name));
  const unknownActivation = cli(['train', '--dataset', 'spiral', '--activation', 'swish', '--quiet']).json.error.message;
  assert.ok(listed(unknownActivation, names.activation), unknownActivation);
  const unknownDataset = cli(['train', '--dataset', 'mnist', '--quiet']).json.error.message;
  assert.ok(listed(unknownDataset, names.dataset), unknownDataset);
  const unknownOptimizer = cli(['train', '--dataset', 'spiral', '--optimizer', 'rmsprop', '--quiet']).json.error.message;
  assert.ok(listed(unknownOptimizer, names.optimizer), unknownOptimizer);
  const unknownLoss = cli(['example', '{"loss": "hinge"}']).json.error.message;
  assert.ok(listed(unknownLoss, names.loss), unknownLoss);
});

test('odd input of every kind is a clear error', () => {
  for (const [args, input] of [
    [['example', '[1, 2]']], [['example', '"3-4-3"']], [['example', '{"layers": "3-99999999999999999999"}']],
    [['example', '{"seed": 99999999999999999999999}']], [['example', '{"batch": 2.5}']], [['example', 'nul']],
    [['mlp', '-'], '[' .repeat(100000) + ']'.repeat(100000)], [['mlp', '-'], '{"layers": 7}'], [['mlp', '-'], ''],
    [['train', '--dataset']], [['train', '--dataset', 'custom', '--quiet']], [['train', '--dataset', 'xor', '--samples', '-3', '--quiet']],
    [['train', '--dataset', 'xor', '--steps', '2.5', '--quiet']], [['grad', 'x+', 'x=1']], [['grad', 'x', 'x']],
  ]) {
    const { status, json } = cli(args, input);
    assert.equal(status, 2, args.join(' '));
    assert.doesNotMatch(json.error.message, /internal error|json\.exception/, args.join(' '));
  }
});
