// @ts-check
// The training page's colours: one per class (Okabe–Ito, readable for colour-blind learners and on light and dark
// backgrounds) and a diverging scale for signed values (weights, gradients, activations). Drawing only.

/** RGB of each class. */
export const CLASS_RGB = [[230, 159, 0], [0, 114, 178], [0, 158, 115], [204, 121, 167], [86, 180, 233],
  [213, 94, 0], [240, 228, 66], [120, 120, 120], [170, 110, 40], [0, 0, 0]];

/** @param {number} c */
export const classColor = (c) => `rgb(${CLASS_RGB[c % CLASS_RGB.length].join(',')})`;

const NEGATIVE = [230, 120, 20], POSITIVE = [30, 100, 200], MIDDLE = 245;

/** A signed value in [-1, 1] (clamped) as orange (negative) … white … blue (positive), written as opaque RGBA
 * into `out` at `at` (no allocation: heatmaps call this for every pixel).
 * @param {number} v @param {Uint8ClampedArray | number[]} out @param {number} at */
export function divergingInto(v, out, at) {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const end = t < 0 ? NEGATIVE : POSITIVE, k = Math.abs(t);
  out[at] = MIDDLE + (end[0] - MIDDLE) * k;
  out[at + 1] = MIDDLE + (end[1] - MIDDLE) * k;
  out[at + 2] = MIDDLE + (end[2] - MIDDLE) * k;
  out[at + 3] = 255;
}

/** The same colour as [r, g, b]. @param {number} v @returns {number[]} */
export function diverging(v) {
  const out = [0, 0, 0, 0];
  divergingInto(v, out, 0);
  return out.slice(0, 3).map(Math.round);
}
