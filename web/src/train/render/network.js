// @ts-check
// The network drawn on a canvas: one column of nodes per layer and a line per weight, coloured by sign (the
// sign tokens) and as thick as its size, or by its gradient from the last batch when asked. A canvas
// rather than SVG because a redraw of thousands of lines must not cost the page a frame (SVG attribute changes
// restyle every line). Pointing at a line names it with its value and gradient; clicking picks it (the page then
// shows its chain rule; the page's weight form does the same from the keyboard). Drawing only.
import { diverging, classColor } from './colors.js';

const WIDTH = 640;

/**
 * @typedef {{data: ArrayLike<number>, rows: number, cols: number}} Tensor
 * @typedef {{widths: number[], weights: {W: Tensor}[], grads: {W: Tensor}[], byGradient: boolean,
 *   selected: {layer: number, from: number, to: number} | null,
 *   tip: (layer: number, from: number, to: number, value: number, grad: number) => string,
 *   palette: import('./colors.js').Palette}} NetworkView
 */

/** Canvas size and node centres (canvas pixels) for layer widths; pure, so tests can aim at a line too.
 * @param {number[]} widths @returns {{width: number, height: number, at: number[][][]}} */
export function networkLayout(widths) {
  const height = Math.max(160, Math.min(480, 28 * Math.max(...widths.slice(1)) + 30));
  const at = widths.map((n, l) => {
    const x = 50 + (l * (WIDTH - 100)) / Math.max(1, widths.length - 1);
    const gap = Math.min(28, (height - 20) / Math.max(1, n));
    const top = height / 2 - (gap * (n - 1)) / 2;
    return Array.from({ length: n }, (_, i) => [x, top + i * gap]);
  });
  return { width: WIDTH, height, at };
}

/** The weight whose line passes nearest to (px, py), within `reach` pixels.
 * @param {number[][][]} at @param {number} px @param {number} py @param {number} reach */
function nearest(at, px, py, reach) {
  let best = null, bestD = reach * reach;
  for (let l = 0; l + 1 < at.length; l++) {
    for (let i = 0; i < at[l].length; i++) {
      for (let j = 0; j < at[l + 1].length; j++) {
        const [x1, y1] = at[l][i], [x2, y2] = at[l + 1][j];
        const dx = x2 - x1, dy = y2 - y1;
        const k = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
        const d = (x1 + k * dx - px) ** 2 + (y1 + k * dy - py) ** 2;
        if (d < bestD) { bestD = d; best = { layer: l, from: i, to: j }; }
      }
    }
  }
  return best;
}

/** @param {HTMLCanvasElement} canvas @param {NetworkView} view @param {(layer: number, from: number, to: number) => void} onPick */
export function drawNetwork(canvas, view, onPick) {
  const { width, height, at } = networkLayout(view.widths);
  const latest = /** @type {HTMLCanvasElement & {networkView?: NetworkView}} */ (canvas);
  latest.networkView = view;  // what the pointer handlers read
  if (canvas.dataset.shape !== view.widths.join('-')) {
    canvas.dataset.shape = view.widths.join('-');
    canvas.width = width;
    canvas.height = height;
    /** @param {MouseEvent} event */
    const place = (event) => {
      const box = canvas.getBoundingClientRect();
      return nearest(at, ((event.clientX - box.left) * width) / box.width, ((event.clientY - box.top) * height) / box.height, 6);
    };
    canvas.onpointermove = (event) => {
      const hit = place(event), v = /** @type {NetworkView} */ (latest.networkView);
      if (!hit) { canvas.title = ''; return; }
      const k = hit.from * v.weights[hit.layer].W.cols + hit.to;
      canvas.title = v.tip(hit.layer, hit.from, hit.to, v.weights[hit.layer].W.data[k], v.grads[hit.layer].W.data[k]);
    };
    canvas.onclick = (event) => {
      const hit = place(event);
      if (hit) onPick(hit.layer, hit.from, hit.to);
    };
  }
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  ctx.clearRect(0, 0, width, height);
  const source = view.byGradient ? view.grads : view.weights;
  let scale = 0;
  for (const { W } of source) for (let k = 0; k < W.data.length; k++) scale = Math.max(scale, Math.abs(W.data[k]));
  for (let l = 0; l < source.length; l++) {
    const S = source[l].W;
    for (let i = 0; i < S.rows; i++) {
      for (let j = 0; j < S.cols; j++) {
        const v = S.data[i * S.cols + j] / (scale || 1);
        ctx.strokeStyle = diverging(view.palette, v * 1.6);
        ctx.lineWidth = 0.4 + 3.6 * Math.abs(v);
        ctx.beginPath();
        ctx.moveTo(at[l][i][0], at[l][i][1]);
        ctx.lineTo(at[l + 1][j][0], at[l + 1][j][1]);
        ctx.stroke();
      }
    }
  }
  const css = getComputedStyle(canvas);
  if (view.selected) {
    const { layer, from, to } = view.selected;
    ctx.strokeStyle = css.color;
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.moveTo(at[layer][from][0], at[layer][from][1]);
    ctx.lineTo(at[layer + 1][to][0], at[layer + 1][to][1]);
    ctx.stroke();
  }
  const last = at.length - 1;
  ctx.font = '13px ui-monospace, Menlo, monospace';
  at.forEach((column, l) => column.forEach(([x, y], i) => {
    ctx.beginPath();
    ctx.arc(x, y, view.widths[l] > 20 ? 4 : 7, 0, 2 * Math.PI);
    ctx.fillStyle = l === last ? classColor(view.palette, i) : css.backgroundColor;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = css.borderColor;
    ctx.stroke();
    // Names beside the inputs (x1, x2) and the outputs (their class), when there is room.
    if ((l === 0 || l === last) && view.widths[l] <= 12) {
      ctx.fillStyle = css.color;
      ctx.textAlign = l === 0 ? 'right' : 'left';
      ctx.fillText(l === 0 ? `x${i + 1}` : String(i), l === 0 ? x - 12 : x + 12, y + 4);
    }
  }));
}
