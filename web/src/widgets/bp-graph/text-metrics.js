// @ts-check
// The drawing's type sizes and how wide a piece of its text is, so the layout can make room for every label before
// anything is drawn. Widths come from a canvas's measureText in the drawing's bold face (cached, scaled to each
// size); without a canvas (node) a per-character estimate stands in. Also how a name splits into a base and a
// subscript (q1 → q₁).

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

// Every width is measured once, in one face: the drawing's bold (600) at REFERENCE px, and scaled to the size asked
// for (a face's advance widths grow in proportion to its size). Regular and italic text is measured in the bold face
// too: it is no narrower, so a label never gets less room than it needs, and each face a canvas measures costs a
// font lookup of several milliseconds on its first use, which would delay a widget's first paint.
const REFERENCE = 13;
const REFERENCE_FONT = `normal 600 ${REFERENCE}px ${FONT.family}`;
/** Each character's width and each whole text's (a graph repeats its few labels many times), at REFERENCE px. */
const chars = new Map();
/** @type {Map<string, number>} */
const texts = new Map();
/** @type {CanvasRenderingContext2D | null | undefined} */
let context;

/**
 * Width of `text` at `size` px: the sum of its characters' widths, each measured once. Kerning is ignored
 * (numbers are tabular anyway); measuring each distinct label whole cost a few hundred measureText calls on a
 * 300-node graph, and each can be slow.
 * @param {string} text @param {number} size
 */
export function textWidth(text, size) {
  let width = texts.get(text);
  if (width === undefined) {
    width = 0;
    for (const char of text) width += charWidth(char);
    if (texts.size > 5000) texts.clear();  // bounded: formulas are arbitrary
    texts.set(text, width);
  }
  return width * size / REFERENCE;
}

/** @param {string} char */
function charWidth(char) {
  let width = chars.get(char);
  if (width !== undefined) return width;
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) context.font = REFERENCE_FONT;
  }
  width = context ? context.measureText(char).width : REFERENCE * 0.6;
  chars.set(char, width);
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

/** Width of a name drawn at `size` with its subscript at FONT.sub. @param {string} name @param {number} size */
export function nameWidth(name, size) {
  const { base, sub } = nameParts(name);
  return textWidth(base, size) + (sub ? textWidth(sub, FONT.sub) : 0);
}
