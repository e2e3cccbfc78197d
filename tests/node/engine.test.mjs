// The wasm engine under node, through the JS wrapper: the seeds' examples, the CLI and the JS API agreeing to
// 1e-12, clear errors for 50 malformed inputs (neither the CLI nor the module crashes), and no heap growth.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { loadEngine, cliPath } from './load-engine.mjs';
import { FormulaError } from '../../web/src/engine/engine.js';
import { VALID_CASES, MALFORMED_CASES } from './cases.mjs';

let engine;
before(async () => { engine = await loadEngine(); });

/** Runs `./tutor grad` (the native CLI) and returns its exit code and parsed JSON. */
function cli(formula, values) {
  const args = ['grad', formula, ...Object.entries(values).map(([k, v]) => `${k}=${v}`)];
  const run = spawnSync(cliPath, args, { encoding: 'utf8', timeout: 5000 });
  return { status: run.status, json: JSON.parse(run.stdout) };
}

const near = (a, b, tol) => (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= tol;

test('seed examples through the wasm module', () => {
  const cs231n = engine.grad('(x+y)*z', { x: -2, y: 5, z: -4 });
  assert.equal(cs231n.value, -12);
  assert.deepEqual(cs231n.grads, { x: -4, y: -4, z: 3 });
  assert.equal(cs231n.forward[0].latex, 'q = x + y = -2 + 5 = \\htmlClass{bp-value}{3}');

  const apples = engine.grad('apple*apple_num*tax', { apple: 100, apple_num: 2, tax: 1.1 });
  assert.ok(near(apples.value, 220, 1e-12));
  for (const [name, want] of Object.entries({ apple: 2.2, apple_num: 110, tax: 200 })) {
    assert.ok(near(apples.grads[name], want, 1e-12), `${name}: ${apples.grads[name]} != ${want}`);
  }
  const oranges = engine.grad('(apple*apple_num + orange*orange_num)*tax',
    { apple: 100, apple_num: 2, orange: 150, orange_num: 3, tax: 1.1 });
  assert.ok(near(oranges.value, 715, 1e-12));
});

test('gradients accumulate over fan-out in wasm too', () => {
  assert.equal(engine.grad('a + a', { a: 3 }).grads.a, 2);
  assert.deepEqual(engine.grad('x*x + x*y', { x: 3, y: -2 }).grads, { x: 4, y: 3 });
});

test('non-finite values are numbers in JS, with warnings', () => {
  const report = engine.grad('log(x) + 1/y', { x: -1, y: 0 });
  assert.ok(Number.isNaN(report.value));
  assert.equal(report.nodes[4].value, Infinity);
  assert.equal(report.warnings.length, 3);
});

test('the CLI and the JS API agree to 1e-12 on every case', () => {
  for (const [formula, values] of VALID_CASES) {
    const fromCli = cli(formula, values);
    assert.equal(fromCli.status, 0, formula);
    const fromJs = engine.grad(formula, values);
    const cliNumber = (v) => ({ NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity })[v] ?? v;
    assert.ok(near(cliNumber(fromCli.json.value), fromJs.value, 1e-12), formula);
    assert.deepEqual(Object.keys(fromCli.json.grads), Object.keys(fromJs.grads));
    for (const name of Object.keys(fromJs.grads)) {
      assert.ok(near(cliNumber(fromCli.json.grads[name]), fromJs.grads[name], 1e-12), `${formula} d/d${name}`);
    }
    assert.deepEqual(fromCli.json.backward.map((s) => s.inputs.map((e) => e.latex)),
      fromJs.backward.map((s) => s.inputs.map((e) => e.latex)), formula);
  }
});

test('50 malformed inputs: each a clear error in under a second, from the CLI and the module alike', () => {
  assert.ok(MALFORMED_CASES.length >= 50, `only ${MALFORMED_CASES.length} cases`);
  for (const [formula, values] of MALFORMED_CASES) {
    const label = JSON.stringify(formula).slice(0, 40);
    const started = performance.now();
    const fromCli = cli(formula, values);
    assert.equal(fromCli.status, 2, `CLI exit code for ${label}`);
    assert.ok(fromCli.json.error.message.length > 5, label);
    let thrown;
    try {
      engine.grad(formula, values);
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof FormulaError, `no FormulaError for ${label}`);
    assert.equal(thrown.message, fromCli.json.error.message, label);
    assert.equal(thrown.position, fromCli.json.error.position, label);
    assert.ok(performance.now() - started < 1000, `${label} took too long`);
  }
  // The module is still healthy after all of that.
  assert.equal(engine.grad('(x+y)*z', { x: -2, y: 5, z: -4 }).value, -12);
});

test('10,000 compile-evaluate-dispose cycles leave the wasm heap where it started', () => {
  const cycle = (i) => {
    const formula = engine.compile('(x+y)*z + max(x, y)');
    formula.evaluate({ x: i % 7, y: -2, z: 0.5 });
    formula.dispose();
    try { engine.compile('(x+y'); } catch { /* the failed parse frees its session too */ }
  };
  for (let i = 0; i < 100; i++) cycle(i);  // let the allocator reach its steady state
  const before = engine.heapBytesInUse();
  for (let i = 0; i < 10000; i++) cycle(i);
  assert.equal(engine.heapBytesInUse(), before);
});

test('a compiled formula re-evaluates and reports its variables', () => {
  const formula = engine.compile('x*y');
  assert.deepEqual(formula.variables, ['x', 'y']);
  assert.equal(formula.evaluate({ x: 2, y: 3 }).value, 6);
  assert.equal(formula.evaluate({ x: '-1', y: 3 }).grads.y, -1);
  formula.dispose();
  assert.throws(() => formula.evaluate({ x: 1, y: 1 }), /disposed/);
});

test('quiz answers are graded by the engine: relative 1e-3, arithmetic allowed, clear errors', () => {
  const report = engine.grad('(x+y)*z', { x: -2, y: 5, z: -4 });
  assert.equal(engine.checkAnswer('-4', report.grads.x).correct, true);
  assert.equal(engine.checkAnswer('-4.01', report.grads.x).correct, false);
  assert.equal(engine.checkAnswer('3*(-4)', report.value).correct, true);
  assert.throws(() => engine.checkAnswer('four', -4), (error) => error instanceof FormulaError && /four/.test(error.message));
  assert.throws(() => engine.checkAnswer('2*', -4), FormulaError);
});
