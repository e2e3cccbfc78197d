// @ts-check
// Draws a small dense network as SVG: one column of circles per layer, every weight on its wire (its value above
// in the value colour, its gradient below in the gradient colour once known), each unit's activation above it,
// its delta ∂E/∂z below it and its bias underneath. Takes plain numbers from the engine's report and returns an element; it computes nothing.
import { formatNumber } from '../lesson-kit/format.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLUMN = 240;
const ROW = 150;
const RADIUS = 24;
const MARGIN = 70;

/** @param {string} tag @param {Record<string, string|number>} attrs @param {string} [text] */
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;  // data as text, never markup
  return node;
}

/**
 * @typedef {{widths: number[], names: string[][], W: number[][][], b: number[][],
 *   a?: number[][], dz?: number[][], dW?: number[][][], db?: number[][], label: string}} Drawing
 *   widths per column (inputs first); W[l][i][j] from unit i of column l to unit j of column l+1; a/dz per column
 *   (a[0] the inputs, dz[0] unused); dW/db once the backward pass is shown.
 * @param {Drawing} d
 */
export function drawNetwork(d) {
  const rows = Math.max(...d.widths);
  const width = MARGIN * 2 + COLUMN * (d.widths.length - 1);
  const height = ROW * rows + 40;
  const root = svg('svg', { class: 'network', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': d.label });
  /** @param {number} c @param {number} i */
  const at = (c, i) => ({ x: MARGIN + c * COLUMN, y: 20 + ROW * (rows - d.widths[c]) / 2 + ROW * i + ROW / 2 });
  const num = (/** @type {number} */ v) => formatNumber(v);

  for (let l = 0; l < d.W.length; l++) {
    d.W[l].forEach((row, i) => row.forEach((w, j) => {
      const from = at(l, i);
      const to = at(l + 1, j);
      const wire = svg('g', { class: 'wire', 'data-weight': `${l}:${i}:${j}` });
      wire.append(svg('line', { x1: from.x + RADIUS, y1: from.y, x2: to.x - RADIUS, y2: to.y }));
      // Where the label sits along its wire: level wires in the middle; sloping ones near their source (sloping
      // wires cross in the middle), the steeper the further along, so labels of wires from one unit stay apart.
      const rowsApart = Math.round(Math.abs(to.y - from.y) / ROW * 2) / 2;
      const t = rowsApart === 0 ? 0.5 : 0.22 + 0.12 * rowsApart;
      const x = from.x + RADIUS + (to.x - from.x - 2 * RADIUS) * t;
      const y = from.y + (to.y - from.y) * t;
      wire.append(svg('text', { class: 'value', x, y: y - 6 }, num(w)));
      if (d.dW) wire.append(svg('text', { class: 'grad', x, y: y + 15 }, num(d.dW[l][i][j])));
      root.append(wire);
    }));
  }
  d.widths.forEach((n, c) => {
    for (let i = 0; i < n; i++) {
      const { x, y } = at(c, i);
      const unit = svg('g', { class: c === 0 ? 'unit input' : 'unit', 'data-unit': `${c}:${i}` });
      unit.append(svg('circle', { cx: x, cy: y, r: RADIUS }), svg('text', { class: 'name', x, y: y + 5 }, d.names[c][i]));
      if (d.a) unit.append(svg('text', { class: 'value', x, y: y - RADIUS - 6 }, num(d.a[c][i])));
      if (c > 0) {
        unit.append(svg('text', { class: 'bias', x, y: y + RADIUS + 30 }, `b ${num(d.b[c - 1][i])}`));
        if (d.db) unit.append(svg('text', { class: 'bias grad', x, y: y + RADIUS + 44 }, `∂ ${num(d.db[c - 1][i])}`));
        if (d.dz) unit.append(svg('text', { class: 'grad', x, y: y + RADIUS + 15 }, `δ ${num(d.dz[c][i])}`));
      }
      root.append(unit);
    }
  });
  return root;
}
