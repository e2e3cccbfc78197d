// @ts-check
// The drawing as a file: a standalone SVG (its styles written in, light theme, a white background) and a PNG made
// from that SVG on a canvas at twice the size, for slides and blog posts that want a still picture.
import { drawingCss, GRAPH_COLOURS } from './styles.js';

/** A self-contained SVG document of the drawing. @param {SVGSVGElement} drawing */
export function svgFile(drawing) {
  const copy = /** @type {SVGSVGElement} */ (drawing.cloneNode(true));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.removeAttribute('role');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = drawingCss(GRAPH_COLOURS.light);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of Object.entries({ width: '100%', height: '100%', fill: '#ffffff' })) background.setAttribute(name, value);
  copy.prepend(style, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The drawing as a PNG at `scale` times its size. @param {SVGSVGElement} drawing @param {number} [scale] @returns {Promise<Blob>} */
export async function pngFile(drawing, scale = 2) {
  const width = Number(drawing.getAttribute('width'));
  const height = Number(drawing.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgFile(drawing)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
