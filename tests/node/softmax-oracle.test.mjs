// The engine's softmax with cross-entropy (wasm, engine.softmax) against an independent float64 computation:
// numpy, run as /usr/bin/python3 tests/node/softmax_oracle.py (python3-numpy, installed by ./tutor). Ordinary
// logits, ones that overflow a naive e^z (800), and finite logits up to ±1e300, which must stay finite.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadEngine, repoRoot } from './load-engine.mjs';

let engine;
before(async () => { engine = await loadEngine(); });

/** numpy's answers for `cases` ([{logits, target}]). */
function numpy(cases) {
  const run = spawnSync('/usr/bin/python3', [path.join(repoRoot, 'tests/node/softmax_oracle.py')],
    { input: JSON.stringify(cases), encoding: 'utf8', timeout: 30000 });
  assert.equal(run.status, 0, `the numpy oracle failed (is python3-numpy installed?): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** A fixed pseudo-random sequence (a linear congruential generator), so the cases are the same on every run. */
function* lcg(seed) {
  for (let x = seed; ; ) { x = (x * 1103515245 + 12345) % 2147483648; yield x / 2147483648; }
}

const CASES = [
  { logits: [800, 801, 802], target: 1 }, { logits: [1, 2, 3], target: 1 }, { logits: [1, 1.9969, 2.9966], target: 1 },
  { logits: [0, 1e300], target: 0 }, { logits: [0, 1e300], target: 1 }, { logits: [-1e300, 1e300], target: 0 },
  { logits: [1e300, 1e300], target: 0 }, { logits: [-1e300, -1e300, 5], target: 2 }, { logits: [1000, 999], target: 1 },
  { logits: [-745, 0], target: 0 }, { logits: [40, 0], target: 1 }, { logits: [0, 0], target: 0 },
];
const random = lcg(2024);
for (let k = 0; k < 40; k += 1) {
  const n = 2 + Math.floor(random.next().value * 9);  // 2 to 10 logits
  const scale = 10 ** Math.floor(random.next().value * 8 - 2);  // 0.01 to 1e5
  const logits = Array.from({ length: n }, () => (random.next().value * 2 - 1) * scale);
  CASES.push({ logits, target: Math.floor(random.next().value * n) });
}

/** |got − want| within 1e-12 relative (and 1e-15 absolute near 0), entry by entry with its place named. */
function assertClose(got, want, where) {
  if (Array.isArray(want)) {
    assert.equal(got.length, want.length, `${where} length`);
    want.forEach((w, i) => assertClose(got[i], w, `${where}[${i}]`));
    return;
  }
  assert.ok(Number.isFinite(got), `${where}: ${got} is not finite`);
  assert.ok(Math.abs(got - want) <= 1e-12 * Math.abs(want) + 1e-15, `${where}: engine ${got}, numpy ${want}`);
}

test('softmax, loss, ŷ − y and the Jacobian agree with numpy', () => {
  const want = numpy(CASES);
  CASES.forEach((c, k) => {
    const got = engine.softmax(c.logits, c.target);
    const where = `z = (${c.logits.join(', ')}), target ${c.target}`;
    for (const key of ['probabilities', 'loss', 'grads', 'jacobian']) assertClose(got[key], want[k][key], `${where} ${key}`);
  });
});

test('logits 800, 801, 802: 0.0900, 0.2447, 0.6652, and ±1e300 gives a finite loss', () => {
  assert.deepEqual(engine.softmax([800, 801, 802], 1).probabilities.map((p) => p.toFixed(4)), ['0.0900', '0.2447', '0.6652']);
  assert.equal(engine.softmax([0, 1e300], 0).loss, 1e300);
  assert.equal(numpy([{ logits: [0, 1e300], target: 0 }])[0].loss, 1e300);
});
