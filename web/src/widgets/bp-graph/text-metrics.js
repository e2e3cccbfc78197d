// @ts-check
// The drawing's type sizes and how wide a piece of its text is, so the layout can make room for every label before
// anything is drawn. Widths come from a canvas's measureText in the drawing's own font (cached); without a canvas
// (node) a per-character estimate stands in. Also how a name splits into a base and a subscript (q1 → q₁).

/** Font sizes in drawing units. The smallest is 13, so a scale of 12/13 still shows every text at 12 CSS px. */
export const FONT = {
  family: 'system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif',
  symbol: 15,     // an operation's symbol, a leaf's name
  name: 14,       // an operation's name, beside its circle
  sub: 13,        // subscripts (q₁), never smaller than the labels
  label: 13,      // the numbers on the wires
  total: 13,      // a fan-out's running sum
};
/** The smallest font size the drawing uses, and so the smallest scale at which every text is 12 CSS px. */
export const MIN_FONT = Math.min(FONT.sub, FONT.label, FONT.total);
export const READABLE_SCALE = 12 / MIN_FONT;

/** Per font: each character's width, and each whole text's (a graph repeats its few labels many times). @type {Map<string, {chars: Map<string, number>, texts: Map<string, number>}>} */
const fonts = new Map();
/** @type {CanvasRenderingContext2D | null | undefined} */
let context;
let lastFont = '';

/** The CSS font shorthand of a text style. @param {number} size @param {string} [weight] @param {string} [style] */
export const fontOf = (size, weight = '400', style = 'normal') => `${style} ${weight} ${size}px ${FONT.family}`;

/**
 * Width of `text` in `font` (a CSS font shorthand from fontOf): the sum of its characters' widths, each measured
 * once per font. Kerning is ignored (numbers are tabular anyway); measuring each distinct label whole cost a few
 * hundred measureText calls on a 300-node graph, and each can be slow.
 * @param {string} text @param {string} font
 */
export function textWidth(text, font) {
  let table = fonts.get(font);
  if (!table) fonts.set(font, table = { chars: new Map(), texts: new Map() });
  let width = table.texts.get(text);
  if (width !== undefined) return width;
  width = 0;
  for (const char of text) width += charWidth(char, font, table.chars);
  if (table.texts.size > 5000) table.texts.clear();  // bounded: formulas are arbitrary
  table.texts.set(text, width);
  return width;
}

/** @param {string} char @param {string} font @param {Map<string, number>} widths this font's */
function charWidth(char, font, widths) {
  let width = widths.get(char);
  if (width !== undefined) return width;
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (context) {
    if (lastFont !== font) context.font = lastFont = font;  // setting a font parses it: only when it changes
    width = context.measureText(char).width;
  } else {
    width = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 15) * 0.6;
  }
  widths.set(char, width);
  return width;
}

/**
 * A name as its base and subscript: a trailing number is a subscript (q1 → q₁, w0 → w₀), as in the engine's LaTeX.
 * @param {string} name @returns {{base: string, sub: string}}
 */
export function nameParts(name) {
  const match = /^([A-Za-z]+)(\d+)$/.exec(name);
  return match ? { base: match[1], sub: match[2] } : { base: name, sub: '' };
}

/** Width of a name drawn at `size` (bold or not) with its subscript at FONT.sub. @param {string} name @param {number} size @param {string} [weight] */
export function nameWidth(name, size, weight = '400') {
  const { base, sub } = nameParts(name);
  return textWidth(base, fontOf(size, weight)) + (sub ? textWidth(sub, fontOf(FONT.sub, weight)) : 0);
}
