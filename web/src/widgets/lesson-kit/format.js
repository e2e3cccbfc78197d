// @ts-check
// Display formatting for engine numbers (shared by the build-time renderer and the widgets): rounding for the eye
// only, with a true minus sign. The number itself always comes from the engine; nothing here computes.

/**
 * At most `digits` decimals, trailing zeros dropped: 220.00000000000003 -> "220", -0.755299 -> "−0.7553".
 * @param {number} value @param {number} [digits]
 */
export function formatNumber(value, digits = 4) {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  let text = value.toFixed(digits);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (/^-0$/.test(text)) text = '0';
  return text.replace(/^-/, '−');
}

/**
 * What a `show` attribute picks out of an engine report: "value", "grad:VAR" (∂f/∂VAR), "node:NAME" (the value of
 * the engine-named node, e.g. q) or "nodegrad:NAME" (∂f/∂NAME). Throws on a name the report does not have.
 * @param {import('../../engine/engine.js').Report} report @param {string} [show]
 */
export function pick(report, show = 'value') {
  const [kind, name] = show.split(':').map((part) => part.trim());
  if (kind === 'value') return report.value;
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
