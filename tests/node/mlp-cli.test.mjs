// `./tutor mlp SPEC.json` (the native CLI): Matt Mazur's worked 2-2-2 sigmoid network (seed 002's rules, his
// numbers) against numbers worked by hand (derivation in tests/cpp/nn_mlp_test.cpp), every loss and optimiser accepted, and bad specs rejected with
// exit code 2 and a message that names the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cliPath, repoRoot } from './load-engine.mjs';

/** @param {string[]} args @param {string} [input] */
function mlp(args, input) {
  const run = spawnSync(cliPath, ['mlp', ...args], { encoding: 'utf8', input, timeout: 10000 });
  return { status: run.status, json: JSON.parse(run.stdout) };
}
const spec = (s) => mlp(['-'], JSON.stringify(s));

/** Largest |got − want| over matching nested arrays, with the path of the worst entry, for readable failures. */
function maxDiff(got, want, where = '') {
  if (Array.isArray(want)) {
    assert.equal(got.length, want.length, `${where} length`);
    return want.map((w, i) => maxDiff(got[i], w, `${where}[${i}]`)).reduce((a, b) => (b.diff > a.diff ? b : a));
  }
  return { diff: Math.abs(got - want), where };
}

test('Mazur’s worked 2-2-2 sigmoid network (seed 002’s rules) matches the hand derivation', () => {
  const { status, json } = mlp([path.join(repoRoot, 'tests/data/mlp_seed002.json')]);
  assert.equal(status, 0);
  const want = {
    outputs: [[0.751365069552316, 0.772928465321463]],
    loss: 0.298371108760003,
    grads: [
      { W: [[0.000438567734474, 0.000497712735261], [0.000877135468949, 0.000995425470522]],
        b: [0.008771354689487, 0.009954254705217] },
      { W: [[0.082167040564231, -0.022602540477475], [0.082667627847533, -0.022740242215978]],
        b: [0.138498561628557, -0.038098236516556] },
    ],
    updated: [
      { W: [[0.149780716132763, 0.249751143632370], [0.199561432265526, 0.299502287264739]],
        b: [0.345614322655257, 0.345022872647391] },
      { W: [[0.358916479717885, 0.511301270238738], [0.408666186076233, 0.561370121107989]],
        b: [0.530750719185722, 0.619049118258278] },
    ],
    loss_after: 0.280471446791430,
  };
  const worst = maxDiff(
    [json.outputs, json.loss, json.grads.map((g) => [g.W, g.b]), json.updated.map((u) => [u.W, u.b]), json.loss_after],
    [want.outputs, want.loss, want.grads.map((g) => [g.W, g.b]), want.updated.map((u) => [u.W, u.b]), want.loss_after]);
  assert.ok(worst.diff < 1e-12, `max difference ${worst.diff} at ${worst.where}`);
});

test('softmax cross-entropy with class indices, mse, momentum and adam', () => {
  const base = {
    layers: [{ W: [[1, -1, 0.5]], b: [0, 0, 0], activation: 'linear' }],
    x: [[0], [0]], y: [0, 2], loss: 'softmax_cross_entropy', optimizer: { type: 'sgd', lr: 1 },
  };
  // x = 0: logits are the biases (all 0), p = 1/3 each, loss = ln 3, db = mean over rows of (p − onehot).
  const ce = spec(base);
  assert.equal(ce.status, 0);
  assert.ok(Math.abs(ce.json.loss - Math.log(3)) < 1e-15);
  [1 / 3 - 0.5, 1 / 3, 1 / 3 - 0.5].forEach((g, j) => assert.ok(Math.abs(ce.json.grads[0].b[j] - g) < 1e-15));
  const mse = spec({ ...base, loss: 'mse', y: [[1, 0, 0], [0, 0, 1]] });
  assert.ok(Math.abs(mse.json.loss - 2 / 6) < 1e-15);  // two 1s missed out of six outputs
  for (const type of ['momentum', 'adam']) assert.equal(spec({ ...base, optimizer: { type, lr: 0.1 } }).status, 0);
});

test('bad specs: exit 2 and a message naming the problem', () => {
  const good = JSON.parse(JSON.stringify({
    layers: [{ W: [[0.1, 0.2], [0.3, 0.4]], b: [0, 0], activation: 'sigmoid' }],
    loss: 'half_sse', x: [[1, 2]], y: [[0, 1]], optimizer: { type: 'sgd', lr: 0.5 },
  }));
  const edit = (f) => { const s = structuredClone(good); f(s); return s; };
  const cases = [
    [edit((s) => { s.layers[0].W = [[0.1, 0.2]]; }), /layers\[0\]\.W: expected 2×2, got 1×2/],
    [edit((s) => { s.layers[0].b = [0]; }), /layers\[0\]\.b: expected 2 numbers \(one per column of W\), got 1/],
    [edit((s) => { s.layers[0].activation = 'softplus'; }), /unknown activation "softplus"/],
    [edit((s) => { s.layers[0].W[1][0] = 'x'; }), /layers\[0\]\.W\[1\]\[0\] must be a number/],
    [edit((s) => { s.loss = 'hinge'; }), /"loss" must be/],
    [edit((s) => { s.y = [[0, 1, 2]]; }), /y\[0\] has 3 numbers, expected 2/],
    [edit((s) => { s.x = [[1, 2], [3]]; }), /x\[1\] has 1 numbers, expected 2/],
    [edit((s) => { s.optimizer = { type: 'nesterov' }; }), /"type" must be/],
    [edit((s) => { s.optimizer.lr = -1; }), /"lr" must be in/],
    [edit((s) => { delete s.x; }), /"x" .* is required/],
    [edit((s) => { s.layers = []; }), /"layers" must be a non-empty list/],
    [edit((s) => { s.extra = 1; }), /unknown field "extra"/],
    [edit((s) => { s.loss = 'softmax_cross_entropy'; s.y = [2]; }), /y\[0\] must be a class index in \[0, 2\)/],
  ];
  for (const [bad, message] of cases) {
    const { status, json } = spec(bad);
    assert.equal(status, 2, JSON.stringify(bad));
    assert.match(json.error.message, message);
  }
  const notJson = mlp(['-'], '{"layers": [');
  assert.equal(notJson.status, 2);
  assert.match(notJson.json.error.message, /not valid JSON/);
  const missing = mlp(['/nonexistent/spec.json']);
  assert.equal(missing.status, 2);
  assert.match(missing.json.error.message, /cannot read/);
});
