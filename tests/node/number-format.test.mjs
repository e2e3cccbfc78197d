// The display policy of web/src/widgets/lesson-kit/format.js, one case per rule: at most 4 decimals with trailing
// zeros dropped (kept on request, for a column), two significant digits for a small number, ×10ⁿ only when the
// magnitude needs it, a true minus sign, and no negative zero.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, PRECISE } from '../../web/src/widgets/lesson-kit/format.js';

test('binary-float noise and trailing zeros are dropped; a true minus sign', () => {
  assert.equal(formatNumber(3.3000000000000003), '3.3');
  assert.equal(formatNumber(220.00000000000003), '220');
  assert.equal(formatNumber(-0.755299), '−0.7553');
  assert.equal(formatNumber(-0.00000001 * 0), '0');
  assert.equal(formatNumber(-0.00001), '−0.00001');
  assert.equal(formatNumber(-1e-5 / 1e6), '−1×10⁻¹¹');
});

test('a column keeps its zeros: softmax(800, 801, 802) reads 0.0900, 0.2447, 0.6652', () => {
  const shown = [0.09003057317038046, 0.24472847105479764, 0.6652409557748219].map((p) => formatNumber(p, 4, { keepZeros: true }));
  assert.deepEqual(shown, ['0.0900', '0.2447', '0.6652']);
  assert.equal(formatNumber(1, 4, { keepZeros: true }), '1.0000');
  assert.equal(formatNumber(0.09003057317038046), '0.09');
});

test('small numbers keep two significant digits; large and tiny ones use ×10ⁿ', () => {
  assert.equal(formatNumber(0.000123), '0.00012');
  assert.equal(formatNumber(1.5e-9), '1.5×10⁻⁹');
  assert.equal(formatNumber(2.5e6), '2.5×10⁶');
  assert.equal(formatNumber(1e300), '1×10³⁰⁰');
  assert.equal(formatNumber(0.1234567, PRECISE), '0.123457');
});

test('NaN and infinities are spelled out', () => {
  assert.equal(formatNumber(NaN), 'NaN');
  assert.equal(formatNumber(Infinity), '∞');
  assert.equal(formatNumber(-Infinity), '−∞');
});
