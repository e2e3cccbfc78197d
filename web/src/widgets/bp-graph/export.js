// @ts-check
// The drawing as a file: a standalone SVG (its styles written in with the colours the widget shows right now,
// resolved from the page's tokens, on the card's background) and a PNG made from that SVG on a canvas at twice the
// size, for slides and blog posts that want a still picture. The whole graph, whatever part of it is zoomed in.
import { drawingCss, TOKEN_COLOURS } from './styles.js';

/**
 * Each colour role as the colour it has in `drawing`'s widget now: a token like var(--bp-value) is a
 * light-dark() pair until used, so each is set on a probe element and read back computed.
 * @param {SVGSVGElement} drawing @returns {typeof TOKEN_COLOURS}
 */
function resolvedColours(drawing) {
  const probe = document.createElement('span');
  probe.hidden = true;
  const parent = drawing.parentNode ?? document.body;
  parent.append(probe);
  const resolved = /** @type {typeof TOKEN_COLOURS} */ ({ ...TOKEN_COLOURS });
  for (const [role, colour] of Object.entries(TOKEN_COLOURS)) {
    probe.style.color = colour;
    resolved[/** @type {keyof typeof TOKEN_COLOURS} */ (role)] = getComputedStyle(probe).color;
  }
  probe.remove();
  return resolved;
}

/** A self-contained SVG document of the drawing. @param {SVGSVGElement} drawing */
export function svgFile(drawing) {
  const colours = resolvedColours(drawing);
  const copy = /** @type {SVGSVGElement} */ (drawing.cloneNode(true));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.removeAttribute('role');
  copy.removeAttribute('style');
  // The whole drawing at its natural size, not the part a viewport shows.
  const [x, y, width, height] = (drawing.dataset.extent ?? drawing.getAttribute('viewBox') ?? '0 0 0 0').split(' ');
  copy.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  copy.setAttribute('width', width);
  copy.setAttribute('height', height);
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = drawingCss(colours);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of Object.entries({ x, y, width, height, fill: colours.node })) background.setAttribute(name, value);
  copy.prepend(style, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The drawing as a PNG at `scale` times its size. @param {SVGSVGElement} drawing @param {number} [scale] @returns {Promise<Blob>} */
export async function pngFile(drawing, scale = 2) {
  const [, , width, height] = (drawing.dataset.extent ?? drawing.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number);
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
