// @ts-check
// The network as an SVG: one column of nodes per layer and a line per weight, coloured by sign (blue positive,
// orange negative) and as thick as its size, or by its gradient from the last batch when asked. Every line says
// its weight, value and gradient in a tooltip and can be clicked (the page then shows its chain rule). Built
// once per architecture, updated in place after that. Drawing only: the values come in as numbers.
import { diverging } from './colors.js';

const NS = 'http://www.w3.org/2000/svg';
/** @param {string} tag @param {Record<string, string|number>} attrs */
const svg = (tag, attrs = {}) => {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
};

/**
 * @typedef {{data: ArrayLike<number>, rows: number, cols: number}} Tensor
 * @typedef {{widths: number[], weights: {W: Tensor}[], grads: {W: Tensor}[], byGradient: boolean,
 *   selected: {layer: number, from: number, to: number} | null,
 *   tip: (layer: number, from: number, to: number, value: number, grad: number) => string}} NetworkView
 */

/** Node positions: x per layer, y spread over the height. @param {number[]} widths @param {number} w @param {number} h */
function layout(widths, w, h) {
  return widths.map((n, l) => {
    const x = 30 + (l * (w - 60)) / Math.max(1, widths.length - 1);
    const gap = Math.min(28, (h - 20) / Math.max(1, n));
    const top = h / 2 - (gap * (n - 1)) / 2;
    return Array.from({ length: n }, (_, i) => [x, top + i * gap]);
  });
}

/** @param {SVGSVGElement} host @param {NetworkView} view @param {(layer: number, from: number, to: number) => void} onPick */
export function drawNetwork(host, view, onPick) {
  const shape = view.widths.join('-');
  const width = 640, height = Math.max(160, Math.min(480, 28 * Math.max(...view.widths.slice(1)) + 30));
  if (host.dataset.shape !== shape) {
    host.replaceChildren();
    host.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const at = layout(view.widths, width, height);
    const lines = svg('g', { class: 'weights' });
    for (let l = 0; l + 1 < at.length; l++) {
      for (let i = 0; i < at[l].length; i++) {
        for (let j = 0; j < at[l + 1].length; j++) {
          const line = svg('line', { x1: at[l][i][0], y1: at[l][i][1], x2: at[l + 1][j][0], y2: at[l + 1][j][1],
            'data-layer': l, 'data-from': i, 'data-to': j });
          line.append(svg('title'));
          lines.append(line);
        }
      }
    }
    // Tooltips are written when a line is pointed at, not on every redraw: a wide network has thousands of lines.
    lines.addEventListener('pointerover', (event) => {
      const line = /** @type {Element} */ (event.target).closest('line');
      const latest = /** @type {NetworkView | undefined} */ (/** @type {any} */ (host).networkView);
      if (!line || !latest) return;
      const l = Number(line.getAttribute('data-layer')), i = Number(line.getAttribute('data-from')), j = Number(line.getAttribute('data-to'));
      const at = i * latest.weights[l].W.cols + j;
      /** @type {SVGTitleElement} */ (line.firstChild).textContent = latest.tip(l, i, j, latest.weights[l].W.data[at], latest.grads[l].W.data[at]);
    });
    lines.addEventListener('click', (event) => {
      const line = /** @type {Element} */ (event.target).closest('line');
      if (line) onPick(Number(line.getAttribute('data-layer')), Number(line.getAttribute('data-from')), Number(line.getAttribute('data-to')));
    });
    const nodes = svg('g', { class: 'nodes' });
    at.forEach((column, l) => column.forEach(([x, y]) => nodes.append(svg('circle', { cx: x, cy: y,
      r: view.widths[l] > 20 ? 4 : 7, class: l === 0 ? 'input' : l === at.length - 1 ? 'output' : 'hidden' }))));
    host.append(lines, nodes);
    host.dataset.shape = shape;
  }
  /** @type {any} */ (host).networkView = view;  // what the tooltips read
  const source = view.byGradient ? view.grads : view.weights;
  let scale = 0;
  for (const { W } of source) for (let k = 0; k < W.data.length; k++) scale = Math.max(scale, Math.abs(W.data[k]));
  const lines = host.querySelectorAll('line');
  let k = 0;
  for (let l = 0; l < view.weights.length; l++) {
    const W = view.weights[l].W, S = source[l].W;
    for (let i = 0; i < W.rows; i++) {
      for (let j = 0; j < W.cols; j++, k++) {
        const line = lines[k], v = S.data[i * W.cols + j] / (scale || 1);
        // Only what changed is written: attribute writes cost style work, and most lines change slowly.
        const stroke = `rgb(${diverging(v * 1.6).join(',')})`, width = (0.4 + 3.6 * Math.abs(v)).toFixed(1);
        if (line.getAttribute('stroke') !== stroke) line.setAttribute('stroke', stroke);
        if (line.getAttribute('stroke-width') !== width) line.setAttribute('stroke-width', width);
        const picked = Boolean(view.selected && view.selected.layer === l && view.selected.from === i && view.selected.to === j);
        if (line.classList.contains('picked') !== picked) line.classList.toggle('picked', picked);
      }
    }
  }
}
