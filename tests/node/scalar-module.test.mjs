// The formulas-only wasm module (bp_scalar, built -Oz for a small download) against the whole engine (bp_engine,
// -O2): the pages use either for formulas (web/src/engine/load.js), so both must give the same replies for every
// valid and malformed case, the quiz answers and the capabilities: the same text (every message and LaTeX string) and
// numbers within 1e-12 (-Oz and -O2 may round a libm call differently in the last bit, as the native CLI does).
// bp_scalar must hold no trainer.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './load-engine.mjs';
import { VALID_CASES, MALFORMED_CASES } from './cases.mjs';

/** Asserts two JSON replies equal: the same shape and strings, numbers within 1e-12 (relative). */
function assertSameReply(actual, expected, what) {
  const walk = (a, b, where) => {
    if (typeof a === 'number' && typeof b === 'number') {
      assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what} ${where}: ${a} vs ${b}`);
    } else if (a && b && typeof a === 'object' && typeof b === 'object') {
      assert.deepEqual(Object.keys(a), Object.keys(b), `${what} ${where}`);
      for (const key of Object.keys(a)) walk(a[key], b[key], `${where}.${key}`);
    } else {
      assert.equal(a, b, `${what} ${where}`);
    }
  };
  walk(JSON.parse(actual), JSON.parse(expected), '');
}

let scalar;
let whole;
before(async () => { [scalar, whole] = await Promise.all([loadModule('bp_scalar'), loadModule('bp_engine')]); });

test('every valid and malformed formula: the same reply from both modules', () => {
  for (const [formula, values] of [...VALID_CASES, ...MALFORMED_CASES]) {
    const json = typeof values === 'string' ? values : JSON.stringify(values);
    assertSameReply(scalar.grad(formula, json), whole.grad(formula, json), formula);
  }
});

test('a formula session, the quiz answers and the capabilities: the same from both modules', () => {
  for (const module of [scalar, whole]) module.session = new module.FormulaSession();
  assertSameReply(scalar.session.parse('max(x, y) * tanh(z)'), whole.session.parse('max(x, y) * tanh(z)'), 'parse');
  const values = '{"x": 1, "y": -2, "z": 0.5}';
  assertSameReply(scalar.session.evaluate(values), whole.session.evaluate(values), 'evaluate');
  for (const module of [scalar, whole]) module.session.delete();
  for (const guess of ['3', '-4', 'abc', '1e400']) assertSameReply(scalar.checkAnswer(guess, -4), whole.checkAnswer(guess, -4), guess);
  for (const guess of ['6', '-6', '5']) {
    assertSameReply(scalar.checkChainAnswer(guess, 2, 3, 6, 0, 6), whole.checkChainAnswer(guess, 2, 3, 6, 0, 6), guess);
  }
  assertSameReply(scalar.capabilities(), whole.capabilities(), 'capabilities');
  assert.ok(JSON.parse(scalar.capabilities()).scalar_ops.length > 0);
});

test('bp_scalar is formulas only: no trainer, no network step', () => {
  assert.equal(scalar.TrainerSession, undefined);
  assert.equal(scalar.mlpStep, undefined);
  assert.equal(typeof whole.TrainerSession, 'function');
});
