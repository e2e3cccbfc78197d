// @ts-check
// Each hidden neuron's own small heatmap: its activation over the plane (the engine's values on the boundary grid),
// orange for negative, blue for positive, scaled by the largest |a| of that neuron so a quiet unit still shows
// its shape. One canvas per unit, labelled; drawn again in place while training. Drawing only.
import { diverging } from './colors.js';

/**
 * @param {HTMLElement} host
 * @param {{a: Float32Array, units: number}[]} hidden per hidden layer, (nx·ny, units)
 * @param {number} nx @param {number} ny @param {(layer: number, unit: number) => string} label
 */
export function drawNeurons(host, hidden, nx, ny, label) {
  const shape = hidden.map((h) => h.units).join(',');
  if (host.dataset.shape !== shape) {
    host.replaceChildren();
    hidden.forEach((h, l) => {
      const row = document.createElement('div');
      row.className = 'neuron-row';
      for (let u = 0; u < h.units; u++) {
        const canvas = document.createElement('canvas');
        canvas.width = nx;
        canvas.height = ny;
        canvas.dataset.layer = String(l);
        canvas.dataset.unit = String(u);
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', label(l, u));
        canvas.title = label(l, u);
        row.append(canvas);
      }
      host.append(row);
    });
    host.dataset.shape = shape;
  }
  hidden.forEach((h, l) => {
    const canvases = host.children[l].children;
    for (let u = 0; u < h.units; u++) {
      let scale = 0;
      for (let p = 0; p < nx * ny; p++) scale = Math.max(scale, Math.abs(h.a[p * h.units + u]));
      const image = new ImageData(nx, ny);
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++) {
          const v = h.a[(j * nx + i) * h.units + u] / (scale || 1);
          image.data.set([...diverging(v), 255], ((ny - 1 - j) * nx + i) * 4);
        }
      }
      /** @type {CanvasRenderingContext2D} */ (/** @type {HTMLCanvasElement} */ (canvases[u]).getContext('2d')).putImageData(image, 0, 0);
    }
  });
}
