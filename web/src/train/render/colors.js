// @ts-check
// The training page's colours: one per class (Okabe–Ito, readable for colour-blind learners and on light and dark
// backgrounds) and a diverging scale for signed values (weights, gradients, activations). Drawing only.

/** RGB of each class. */
export const CLASS_RGB = [[230, 159, 0], [0, 114, 178], [0, 158, 115], [204, 121, 167], [86, 180, 233],
  [213, 94, 0], [240, 228, 66], [120, 120, 120], [170, 110, 40], [0, 0, 0]];

/** @param {number} c */
export const classColor = (c) => `rgb(${CLASS_RGB[c % CLASS_RGB.length].join(',')})`;

/** A signed value in [-1, 1] (clamped) as orange (negative) … white … blue (positive). @param {number} v
 * @returns {[number, number, number]} */
export function diverging(v) {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const end = t < 0 ? [230, 120, 20] : [30, 100, 200];
  const k = Math.abs(t);
  return /** @type {[number, number, number]} */ (end.map((e) => Math.round(245 + (e - 245) * k)));
}
