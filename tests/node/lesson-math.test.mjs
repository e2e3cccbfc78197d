// The lesson math through the JS API (web/src/engine/engine.js on the wasm engine): softmax, descent and gradcheck
// replies in their documented shapes, non-finite numbers back as numbers, limits from capabilities(), the same
// replies from the formulas-only module, and bad input as a FormulaError with the engine's message.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, loadModule } from './load-engine.mjs';
import { wrapEngine, FormulaError } from '../../web/src/engine/engine.js';

let engine;
let scalar;
before(async () => { [engine, scalar] = await Promise.all([loadEngine(), loadModule('bp_scalar').then(wrapEngine)]); });

test('softmax: the report, its limits in capabilities(), and named errors', () => {
  const r = engine.softmax(['1', 2, '3'], 2);
  assert.deepEqual(Object.keys(r).sort(), ['grads', 'jacobian', 'log_sum_exp', 'logits', 'loss', 'max', 'probabilities', 'target']);
  assert.equal(r.target, 2);
  assert.equal(r.max, 3);
  assert.equal(r.jacobian.length, 3);
  assert.ok(r.grads[2] < 0 && r.grads[0] > 0);
  const { min_logits: min, max_logits: max } = engine.capabilities().limits.softmax;
  assert.deepEqual([min, max], [2, 10]);
  assert.doesNotThrow(() => engine.softmax(Array(max).fill(0), 0));
  assert.throws(() => engine.softmax(Array(max + 1).fill(0), 0), { name: 'FormulaError', message: `give ${min} to ${max} logits, got ${max + 1}` });
  assert.throws(() => engine.softmax([], 0), { message: 'give 2 to 10 logits, got 0' });
  assert.throws(() => engine.softmax([1, 'x'], 0), { message: "logit z1 is not a number: 'x'" });
  assert.throws(() => engine.softmax([1, Infinity], 0), { message: 'logit z1 is not a number' });  // JSON: null
  assert.throws(() => engine.softmax([1, 2], 2), { message: 'the target class must be between 0 and 1' });
  assert.throws(() => engine.softmax([-1.7e308, 1.7e308], 0), /overflows a double/);
});

test('descent: states chained by w − η g, divergence stops finite, the rate judged by the engine', () => {
  const run = engine.descent({ formula: '0.5*(w*x - y)^2', values: { w: 0.5, x: 2, y: '3' }, params: ['w'], rate: '0.1', steps: 2 });
  assert.deepEqual(run.params, ['w']);
  assert.equal(run.rate, 0.1);
  assert.equal(run.steps.length, 3);
  assert.equal(run.steps[0].loss, 2);  // ½(0.5·2 − 3)² by hand
  assert.equal(run.steps[0].grads.w, -4);  // (w x − y) x
  assert.deepEqual(run.steps[1].params, run.steps[0].next);
  assert.equal(run.diverged, false);
  assert.equal(engine.descent({ formula: 'w^2', values: { w: 1 }, params: ['w'], rate: 1 }).steps.length, 1);
  const wild = engine.descent({ formula: 'w^2', values: { w: 1 }, params: ['w'], rate: 10, steps: 1000 });
  assert.equal(wild.diverged, true);
  assert.ok(wild.steps.every((s) => Number.isFinite(s.loss)));
  const nan = engine.descent({ formula: 'log(w)', values: { w: -1 }, params: ['w'], rate: 1 });
  assert.ok(Number.isNaN(nan.steps[0].loss), 'a NaN loss comes back as NaN, not the string');
  assert.equal(engine.capabilities().limits.descent.max_steps, 1000);
  for (const [rate, message] of [[0, 'the learning rate must be a positive number'], ['-1', 'the learning rate must be a positive number'],
    ['fast', "the learning rate is not a number: 'fast'"]]) {
    assert.throws(() => engine.descent({ formula: 'w^2', values: { w: 1 }, params: ['w'], rate }), { name: 'FormulaError', message });
  }
  assert.throws(() => engine.descent({ formula: 'w^2', values: { w: 1 }, params: ['w'], rate: 1, steps: 1001 }), { message: 'at most 1000 steps at a time, got 1001' });
  assert.throws(() => engine.descent({ formula: 'w^2', values: { w: 1 }, params: ['v'], rate: 1 }), { message: "the parameter 'v' is not a variable of the formula" });
  assert.throws(() => engine.descent({ formula: 'w^', values: { w: 1 }, params: ['w'], rate: 1 }), FormulaError);
});

test('gradcheck: rows, evaluations, the verdict, and h judged by the engine', () => {
  const r = engine.gradcheck({ formula: 'relu(a) * b', values: { a: 0, b: 1 }, params: ['a', 'b'], h: '1e-4' });
  assert.deepEqual(r.rows.map((row) => row.param), ['a', 'b']);
  assert.equal(r.rows[0].numeric, 0.5);  // (relu(h) − relu(−h)) / 2h at the kink
  assert.equal(r.rows[0].analytic, 0);
  assert.equal(r.rows[0].relative, 1);
  assert.deepEqual(r.rows.map((row) => row.ok), [false, true]);
  assert.equal(r.ok, false);
  assert.equal(r.numeric_evaluations, 4);
  assert.equal(r.backprop_passes, 1);
  assert.equal(r.threshold, 1e-4);
  for (const h of ['0', '-1', 'tiny']) {
    assert.throws(() => engine.gradcheck({ formula: 'a', values: { a: 1 }, params: ['a'], h }), { name: 'FormulaError' });
  }
});

test('the formulas-only module gives the same replies', () => {
  assert.deepEqual(scalar.softmax([800, 801, 802], 1), engine.softmax([800, 801, 802], 1));
  const run = { formula: 'a*b + sigmoid(a)', values: { a: 0.5, b: -1.5 }, params: ['a', 'b'] };
  assert.deepEqual(scalar.gradcheck({ ...run, h: 1e-4 }).rows.map((r) => r.ok), engine.gradcheck({ ...run, h: 1e-4 }).rows.map((r) => r.ok));
  assert.equal(scalar.descent({ ...run, rate: 0.5, steps: 3 }).steps.length, 4);
});

test('no leak: many lesson calls leave the heap flat', () => {
  const call = () => {
    engine.softmax([1, 2, 3], 0);
    engine.descent({ formula: 'w^2', values: { w: 1 }, params: ['w'], rate: 0.1, steps: 10 });
    engine.gradcheck({ formula: 'w^2', values: { w: 1 }, params: ['w'], h: 1e-4 });
    try { engine.softmax([1], 0); } catch { /* an error reply is freed too */ }
  };
  for (let i = 0; i < 50; i += 1) call();
  const before = engine.heapBytesInUse();
  for (let i = 0; i < 500; i += 1) call();
  assert.ok(engine.heapBytesInUse() - before < 4096, `heap grew by ${engine.heapBytesInUse() - before} bytes`);
});
