// @ts-check
// The 8×8 digits as images: a gallery of buttons, each a sample's pixels (grey levels from the data), its label
// and the network's current prediction (a red frame when wrong). Pressing one asks for its backprop. Rebuilt only
// when the rows change; predictions are updated in place. Drawing only.

/**
 * @param {HTMLElement} host @param {{x: Float64Array, y: Int32Array, d: number}} data @param {number[]} rows which rows to show
 * @param {(row: number) => void} onPick @param {(row: number, label: number) => string} name accessible name
 */
export function buildGallery(host, data, rows, onPick, name) {
  host.replaceChildren();
  for (const row of rows) {
    const canvas = document.createElement('canvas');
    canvas.width = 8;
    canvas.height = 8;
    const image = new ImageData(8, 8);
    for (let p = 0; p < 64; p++) {
      const v = Math.round(255 * (1 - data.x[row * data.d + p]));  // ink is dark
      image.data.set([v, v, v, 255], p * 4);
    }
    /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')).putImageData(image, 0, 0);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'digit';
    button.dataset.row = String(row);
    button.setAttribute('aria-label', name(row, data.y[row]));
    const caption = document.createElement('span');
    caption.className = 'digit-pred';
    button.append(canvas, caption);
    button.addEventListener('click', () => onPick(row));
    host.append(button);
  }
}

/** @param {HTMLElement} host @param {Int32Array} predictions @param {Int32Array} labels @param {number|null} selected */
export function updateGallery(host, predictions, labels, selected) {
  for (const button of /** @type {NodeListOf<HTMLElement>} */ (host.querySelectorAll('.digit'))) {
    const row = Number(button.dataset.row);
    const caption = /** @type {HTMLElement} */ (button.querySelector('.digit-pred'));
    caption.textContent = `→ ${predictions[row]}`;
    button.classList.toggle('wrong', predictions[row] !== labels[row]);
    button.setAttribute('aria-pressed', String(row === selected));
  }
}
