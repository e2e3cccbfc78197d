// @ts-check
// Display formatting for engine numbers (shared by the build-time renderer and the widgets): rounding for the eye
// only, with a true minus sign. The number itself always comes from the engine; nothing here computes.

// The number policy, one for every page and widget:
// - `digits` decimals at most (4 for text, tables and drawings; PRECISE = 6 where a learner compares digits, e.g.
//   a gradient check or a weight table), trailing zeros dropped: no binary-float noise (3.3000000000000003 -> 3.3);
//   kept only where values stand in a column to compare, such as a softmax's probabilities (0.0900 over 0.2447);
// - a small number keeps at least two significant digits (0.000123 -> 0.00012, not 0.0001);
// - scientific notation, written ×10ⁿ, only when the magnitude needs it: at or above 10⁶, or nonzero below 10⁻⁶;
// - a true minus sign, NaN and ±∞ spelled out.
/** Decimals where a learner compares digits. */
export const PRECISE = 6;
const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/**
 * A number for a learner to read: 220.00000000000003 -> "220", -0.755299 -> "−0.7553", 1.5e-9 -> "1.5×10⁻⁹".
 * @param {number} value @param {number} [digits] the most decimals shown
 * @param {{ keepZeros?: boolean }} [options] keepZeros: always `digits` decimals (0.09 -> "0.0900")
 */
export function formatNumber(value, digits = 4, { keepZeros = false } = {}) {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const size = Math.abs(value);
  let text;
  if (size >= 1e6 || (size > 0 && size < 1e-6)) {
    const [mantissa, exponent] = value.toExponential(Math.max(1, Math.min(digits, 3))).split('e');
    const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[/** @type {keyof typeof SUPERSCRIPT} */ (c)]);
    text = `${trimZeros(mantissa)}×10${power}`;
  } else {
    // Enough decimals for two significant digits of a small number, but never more than 8.
    const needed = size > 0 && size < 1 ? Math.min(8, Math.max(digits, 1 - Math.floor(Math.log10(size)))) : digits;
    text = keepZeros ? value.toFixed(needed) : trimZeros(value.toFixed(needed));
  }
  if (/^-0$/.test(text)) text = '0';
  return text.replace(/^-/, '−');
}

/** "2.5000" -> "2.5", "3.000" -> "3". @param {string} text */
const trimZeros = (text) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);

/**
 * What a `show` attribute picks out of an engine report: "value", "grad:VAR" (∂f/∂VAR), "node:NAME" (the value of
 * the engine-named node, e.g. q), "nodegrad:NAME" (∂f/∂NAME), or "steps:forward" / "steps:backward" (how many steps
 * the engine's trace has, the seed ∂f/∂f = 1 included). Throws on a name the report does not have.
 * @param {import('../../engine/engine.js').Report} report @param {string} [show]
 */
export function pick(report, show = 'value') {
  const [kind, name] = show.split(':').map((part) => part.trim());
  if (kind === 'value') return report.value;
  if (kind === 'steps' && (name === 'forward' || name === 'backward')) return report[name].length;
  if (kind === 'grad') {
    if (!(name in report.grads)) throw new Error(`no variable '${name}' in ${report.formula}`);
    return report.grads[name];
  }
  const node = report.nodes.find((candidate) => candidate.name === name);
  if (!node) throw new Error(`no node '${name}' in ${report.formula}`);
  if (kind === 'node') return node.value;
  if (kind === 'nodegrad') return /** @type {number} */ (node.grad);
  throw new Error(`unknown show="${show}"`);
}
