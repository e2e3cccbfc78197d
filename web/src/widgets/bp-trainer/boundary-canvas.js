// @ts-check
// Paints the engine's class probabilities on a grid as a small picture (each class a hue, the winning class's
// probability its strength) and the data points on top. Input: plain numbers from trainer.grid() and
// trainer.data(); it computes no model quantity, only pixel colours and positions. Class k is painted in the
// shared class colour --bp-class-k (tokens.css), the same as on the training page.

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{probs: ArrayLike<number>, nx: number, ny: number, classes: number}} grid row j·nx + i at (x0 + i·dx, y0 + j·dy)
 * @param {{x: ArrayLike<number>, y: ArrayLike<number>, n: number}} data
 * @param {{x0: number, x1: number, y0: number, y1: number}} box
 * @param {number[][]} colours [r, g, b] per class (tokens.js classPalette)
 */
export function paintBoundary(canvas, grid, data, box, colours) {
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  const { width, height } = canvas;
  const image = context.createImageData(grid.nx, grid.ny);
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      const at = (j * grid.nx + i) * grid.classes;
      let best = 0;
      for (let c = 1; c < grid.classes; c++) if (grid.probs[at + c] > grid.probs[at + best]) best = c;
      const strength = grid.probs[at + best];
      const colour = colours[best % colours.length];
      const pixel = ((grid.ny - 1 - j) * grid.nx + i) * 4;  // y grows upwards in the picture
      for (let k = 0; k < 3; k++) image.data[pixel + k] = Math.round(255 - (255 - colour[k]) * 0.55 * strength);
      image.data[pixel + 3] = 255;
    }
  }
  // Scale the small grid up to the canvas through a second canvas (putImageData does not scale).
  const small = document.createElement('canvas');
  small.width = grid.nx;
  small.height = grid.ny;
  /** @type {CanvasRenderingContext2D} */ (small.getContext('2d')).putImageData(image, 0, 0);
  context.imageSmoothingEnabled = true;
  context.drawImage(small, 0, 0, width, height);
  for (let r = 0; r < data.n; r++) {
    const px = ((data.x[2 * r] - box.x0) / (box.x1 - box.x0)) * width;
    const py = height - ((data.x[2 * r + 1] - box.y0) / (box.y1 - box.y0)) * height;
    const colour = colours[data.y[r] % colours.length];
    context.beginPath();
    context.arc(px, py, 3, 0, 2 * Math.PI);
    context.fillStyle = `rgb(${colour.join(',')})`;
    context.fill();
    context.strokeStyle = '#fff';
    context.lineWidth = 1;
    context.stroke();
  }
}
