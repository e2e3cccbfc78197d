// @ts-check
// The decision boundary: a canvas heatmap of the engine's class probabilities on its grid (each pixel the classes'
// colours weighted by their probability) under a second canvas with the data points (test points hollow, the
// inspected point ringed). Also the hit test that turns a click into a data point or a place in the plane.
// Drawing only.
import { classColor, rgb } from './colors.js';
/** @typedef {import('./colors.js').Palette} Palette */

/**
 * @typedef {{x0: number, x1: number, y0: number, y1: number}} View
 * @typedef {{x: Float64Array, y: Int32Array, n: number, trainRows: number}} Points
 */

/** Canvas pixels of data coordinates (y up). @param {HTMLCanvasElement} canvas @param {View} v @param {number} x @param {number} y */
const toPixel = (canvas, v, x, y) => [
  ((x - v.x0) / (v.x1 - v.x0)) * canvas.width, ((v.y1 - y) / (v.y1 - v.y0)) * canvas.height];

/**
 * The heatmap into a canvas of exactly the grid's size (the page scales it up with CSS, which the browser smooths
 * for free): one putImageData per snapshot and nothing else, so training frames stay cheap.
 * @param {HTMLCanvasElement} canvas @param {{probs: Float32Array|Float64Array, nx: number, ny: number, classes: number}} grid
 * @param {Palette} palette
 */
export function drawBoundary(canvas, grid, palette) {
  const back = palette.bg;
  const { probs, nx, ny, classes } = grid;
  if (canvas.width !== nx || canvas.height !== ny) {
    canvas.width = nx;
    canvas.height = ny;
  }
  const image = new ImageData(nx, ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const p = (j * nx + i) * classes, o = ((ny - 1 - j) * nx + i) * 4;  // grid row 0 is the bottom
      let r = 0, g = 0, b = 0;
      for (let c = 0; c < classes; c++) {
        const [cr, cg, cb] = palette.classes[c];
        r += probs[p + c] * cr; g += probs[p + c] * cg; b += probs[p + c] * cb;
      }
      // Blended towards the background (the points stand out against a paler map).
      image.data[o] = 0.6 * r + 0.4 * back[0]; image.data[o + 1] = 0.6 * g + 0.4 * back[1];
      image.data[o + 2] = 0.6 * b + 0.4 * back[2]; image.data[o + 3] = 255;
    }
  }
  /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')).putImageData(image, 0, 0);
}

/**
 * The data points over the map, on their own transparent canvas: drawn when the data or the inspected point
 * change, not while training.
 * @param {HTMLCanvasElement} canvas @param {Points} points @param {View} view @param {number | null} selected the inspected row
 * @param {Palette} palette
 */
export function drawPoints(canvas, points, view, selected, palette) {
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const radius = Math.max(2.5, canvas.width / 110);
  for (let row = 0; row < points.n; row++) {
    const [px, py] = toPixel(canvas, view, points.x[2 * row], points.x[2 * row + 1]);
    ctx.beginPath();
    ctx.arc(px, py, radius, 0, 2 * Math.PI);
    ctx.lineWidth = 1.5;
    if (row < points.trainRows) {
      ctx.fillStyle = classColor(palette, points.y[row]);
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = rgb(palette.fg);  // a contour in the text colour: every class stands out in either theme
    } else {
      ctx.strokeStyle = classColor(palette, points.y[row]);
      ctx.lineWidth = 2.5;
    }
    ctx.stroke();
  }
  if (selected !== null && selected < points.n) {
    const [px, py] = toPixel(canvas, view, points.x[2 * selected], points.x[2 * selected + 1]);
    for (const [extra, width, color] of [[0, 3, rgb(palette.fg)], [3, 2, rgb(palette.bg)]]) {
      ctx.beginPath();
      ctx.arc(px, py, radius * 2.6 + /** @type {number} */ (extra), 0, 2 * Math.PI);
      ctx.lineWidth = /** @type {number} */ (width);
      ctx.strokeStyle = /** @type {string} */ (color);
      ctx.stroke();
    }
  }
}

/**
 * Where a click landed: data coordinates, and the nearest data point within a few pixels (or null).
 * @param {HTMLCanvasElement} canvas @param {MouseEvent} event @param {Points} points @param {View} view
 */
export function hitTest(canvas, event, points, view) {
  const box = canvas.getBoundingClientRect();
  const sx = canvas.width / box.width, sy = canvas.height / box.height;
  const px = (event.clientX - box.left) * sx, py = (event.clientY - box.top) * sy;
  const x = view.x0 + (px / canvas.width) * (view.x1 - view.x0);
  const y = view.y1 - (py / canvas.height) * (view.y1 - view.y0);
  let best = null, bestD = (12 * sx) ** 2;
  for (let row = 0; row < points.n; row++) {
    const [qx, qy] = toPixel(canvas, view, points.x[2 * row], points.x[2 * row + 1]);
    const d = (qx - px) ** 2 + (qy - py) ** 2;
    if (d < bestD) { bestD = d; best = row; }
  }
  return { x, y, row: best };
}
