// `./tutor softmax|descent|gradcheck` (the native CLI): the same replies as the JS API on the wasm engine, exit 2
// with a message for bad input (never a crash), and the usage when arguments are missing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cliPath, loadEngine } from './load-engine.mjs';

let engine;
before(async () => { engine = await loadEngine(); });

/** @param {string[]} args */
function cli(args) {
  const run = spawnSync(cliPath, args, { encoding: 'utf8', timeout: 10000 });
  return { status: run.status, json: JSON.parse(run.stdout) };
}

/** Equal up to 1e-12 relative: the native build and the wasm one may round a libm call differently. */
function assertNear(got, want, where = '') {
  if (typeof want === 'number') {
    assert.ok(Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${where}: ${got} vs ${want}`);
  } else if (want && typeof want === 'object') {
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), where);
    for (const key of Object.keys(want)) assertNear(got[key], want[key], `${where}.${key}`);
  } else {
    assert.equal(got, want, where);
  }
}

test('softmax 800,801,802 --target 1: the JS API’s reply', () => {
  const { status, json } = cli(['softmax', '800, 801,802', '--target', '1']);
  assert.equal(status, 0);
  assertNear(json, engine.softmax([800, 801, 802], 1));
  assert.equal(cli(['softmax', '0,1e300']).json.loss, 1e300);  // target 0 by default
});

test('descent and gradcheck: the JS API’s replies', () => {
  const { status, json } = cli(['descent', '0.5*(w*x - y)^2', 'w=0.5', 'x=2', 'y=3', '--params', 'w', '--rate', '0.1', '--steps', '3']);
  assert.equal(status, 0);
  assertNear(json, engine.descent({ formula: '0.5*(w*x - y)^2', values: { w: 0.5, x: 2, y: 3 }, params: ['w'], rate: 0.1, steps: 3 }));
  const check = cli(['gradcheck', 'a*b + sigmoid(a)', 'a=0.5', 'b=-1.5', '--params', 'a, b', '--h', '1e-4']);
  assert.equal(check.status, 0);
  assertNear(check.json, engine.gradcheck({ formula: 'a*b + sigmoid(a)', values: { a: 0.5, b: -1.5 }, params: ['a', 'b'], h: 1e-4 }));
});

test('bad input: exit 2 and a message', () => {
  for (const [args, message] of [
    [['softmax'], /^usage: softmax/], [['softmax', ''], /give 2 to 10 logits, got 0/], [['softmax', '1,x'], /logit z1 is not a number: 'x'/],
    [['softmax', Array(11).fill('1').join(',')], /give 2 to 10 logits, got 11/], [['softmax', '1,2', '--target', '7'], /between 0 and 1/],
    [['softmax', '1,2', '--target'], /'--target' needs a value/], [['softmax', '1,2', 'x=1'], /^usage: softmax/],
    [['descent', 'w^2', 'w=1'], /^usage: descent/], [['descent', 'w^2', 'w=1', '--params', 'w', '--rate', 'inf'], /learning rate is not a number/],
    [['descent', 'w^2', 'w=1', '--params', 'w', '--rate', '0'], /positive number/],
    [['descent', 'w^2', 'w=1', '--params', 'w', '--steps', '100000'], /at most 1000 steps/],
    [['descent', 'w^2', 'w=1', '--params', 'w', '--steps', '-1'], /whole number/],
    [['descent', 'w^2', 'w=1', 'w=2', '--params', 'w'], /given twice/],
    [['gradcheck', 'a^2', 'a=1', '--params', 'a', '--h', '0'], /h must be a positive number/],
    [['gradcheck', 'a^2', 'a=1', '--params', ''], /name at least one parameter/],
    [['gradcheck', 'a^2', 'a=1', '--params', 'a', '--eps', '1'], /unknown option '--eps'/],
  ]) {
    const { status, json } = cli(args);
    assert.equal(status, 2, args.join(' '));
    assert.match(json.error.message, message, args.join(' '));
  }
});
