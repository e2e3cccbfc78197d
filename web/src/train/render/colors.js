// @ts-check
// The training page's colours, read from the tokens (tokens.css), never written here: one per class
// (--bp-class-k), a diverging scale for signed values (--bp-sign-neg … --bp-sign-mid … --bp-sign-pos) and the
// page's text and background for strokes, resolved by readPalette (styles/tokens.js). Drawing only.

import { CLASSES } from '../../styles/tokens.js';
export { readPalette } from '../../styles/tokens.js';

/** @typedef {import('../../styles/tokens.js').Palette} Palette */

/** @param {number[]} c */
export const rgb = (c) => `rgb(${c.join(',')})`;

/** @param {Palette} palette @param {number} c */
export const classColor = (palette, c) => rgb(palette.classes[c % CLASSES]);

/** A signed value in [-1, 1] (clamped) from --bp-sign-neg through --bp-sign-mid to --bp-sign-pos, written as
 * opaque RGBA into `out` at `at` (no allocation: heatmaps call this for every pixel).
 * @param {Palette} palette @param {number} v @param {Uint8ClampedArray | number[]} out @param {number} at */
export function divergingInto(palette, v, out, at) {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const end = t < 0 ? palette.neg : palette.pos, mid = palette.mid, k = Math.abs(t);
  out[at] = mid[0] + (end[0] - mid[0]) * k;
  out[at + 1] = mid[1] + (end[1] - mid[1]) * k;
  out[at + 2] = mid[2] + (end[2] - mid[2]) * k;
  out[at + 3] = 255;
}

/** The same colour as a CSS string. @param {Palette} palette @param {number} v */
export function diverging(palette, v) {
  const out = [0, 0, 0, 0];
  divergingInto(palette, v, out, 0);
  return rgb(out.slice(0, 3).map(Math.round));
}
