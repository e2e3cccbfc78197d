// @ts-check
// Each hidden neuron's own small heatmap: its activation over the plane (the engine's values on the boundary grid),
// the sign tokens' colours (negative, zero, positive), scaled by the largest |a| of that neuron so a quiet unit still shows its
// shape. All tiles share one canvas (one bitmap for the browser to repaint, not dozens), eight to a row, a new row
// per layer; each tile uses every `stride`-th grid point. Pointing at a tile names its neuron. Drawing only.
import { divergingInto } from './colors.js';

const PER_ROW = 8, GAP = 4;

/** Tile positions: per layer, per unit, the top-left pixel. @param {number[]} units @param {number} tile */
function tiles(units, tile) {
  const at = [];
  let y = 0;
  for (const n of units) {
    const row = [];
    for (let u = 0; u < n; u++) row.push([(u % PER_ROW) * (tile + GAP), y + Math.floor(u / PER_ROW) * (tile + GAP)]);
    at.push(row);
    y += Math.ceil(n / PER_ROW) * (tile + GAP) + GAP;
  }
  return { at, height: Math.max(1, y - GAP) };
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{a: Float32Array|Float64Array, units: number}[]} hidden per hidden layer, (nx·ny, units)
 * @param {number} nx @param {number} ny @param {(layer: number, unit: number) => string} label
 * @param {import('./colors.js').Palette} palette
 */
export function drawNeurons(canvas, hidden, nx, ny, label, palette, stride = 2) {
  const tile = Math.ceil(nx / stride), rows = Math.ceil(ny / stride);
  const units = hidden.map((h) => h.units);
  const { at, height } = tiles(units, tile);
  const width = Math.min(PER_ROW, Math.max(1, ...units)) * (tile + GAP) - GAP;
  if (canvas.dataset.shape !== units.join(',')) {
    canvas.width = width;
    canvas.height = height;
    canvas.dataset.shape = units.join(',');
    canvas.style.width = `${width * 1.25}px`;
    canvas.onpointermove = (event) => {
      const box = canvas.getBoundingClientRect();
      const px = ((event.clientX - box.left) * canvas.width) / box.width, py = ((event.clientY - box.top) * canvas.height) / box.height;
      const hit = at.flatMap((row, l) => row.map(([x, y], u) => ({ l, u, x, y }))).find((p) => px >= p.x && px < p.x + tile && py >= p.y && py < p.y + rows);
      canvas.title = hit ? label(hit.l, hit.u) : '';
    };
  }
  const image = new ImageData(width, height);
  hidden.forEach((h, l) => {
    for (let u = 0; u < h.units; u++) {
      let scale = 0;
      for (let p = 0; p < nx * ny; p++) scale = Math.max(scale, Math.abs(h.a[p * h.units + u]));
      const [x0, y0] = at[l][u];
      for (let j = 0; j < rows; j++) {
        for (let i = 0; i < tile; i++) {
          const v = h.a[(j * stride * nx + i * stride) * h.units + u] / (scale || 1);
          divergingInto(palette, v, image.data, ((y0 + rows - 1 - j) * width + x0 + i) * 4);  // grid row 0 is the bottom
        }
      }
    }
  });
  /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')).putImageData(image, 0, 0);
}
