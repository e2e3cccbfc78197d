// @ts-check
// Pan and zoom for a drawing too big to read whole in its box. Drag (or swipe sideways) to pan; pinch, Ctrl/⌘ +
// wheel, the + and − buttons or keys to zoom; Fit shows everything; the overview (a small map of the whole graph
// with the camera's frame) pans on click or drag. Vertical one-finger swipes stay the page's, so a phone still
// scrolls past the graph. Not the stepper: graph-view.js keeps the current step in view.
import { READABLE_SCALE } from './text-metrics.js';

/** @typedef {{x: number, y: number, width: number, height: number}} Extent */

export const VIEWPORT_CSS = `
.viewport { position: relative; overflow: hidden; touch-action: pan-y; border: 1px solid var(--bp-border); border-radius: 8px;
  cursor: grab; user-select: none; -webkit-user-select: none; }
.viewport.dragging { cursor: grabbing; }
.viewport > svg.graph { position: absolute; left: 0; top: 0; display: block; }
.zoom-bar { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; margin: 0 0 0.4rem; }
.zoom-bar button { min-width: var(--bp-touch, 44px); min-height: var(--bp-touch, 44px); padding: 0.2rem 0.6rem; }
.zoom-bar .zoom-level { color: var(--bp-muted); font-size: 0.9em; font-variant-numeric: tabular-nums; }
.zoom-bar .hint { color: var(--bp-muted); font-size: 0.85em; flex-basis: 100%; }
.overview { position: absolute; right: 6px; bottom: 6px; background: var(--bp-card); border: 1px solid var(--bp-border);
  border-radius: 6px; cursor: pointer; touch-action: none; opacity: 0.95; }
.overview[hidden] { display: none; }
.overview .o-wires { fill: none; stroke: var(--bp-muted); }
.overview .o-nodes { fill: var(--bp-fg); }
.overview .o-view { fill: color-mix(in srgb, var(--bp-current) 12%, transparent); stroke: var(--bp-current); }
.overview .o-current { fill: var(--bp-current); }
`;

const ZOOM_STEP = 1.25;
const MAX_SCALE = 3;
const OVERVIEW = { width: 150, height: 110 };
const SVG = 'http://www.w3.org/2000/svg';

/** @param {string} tag @param {Record<string, string|number>} [attrs] */
function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** @param {string} text @param {string} label @param {() => void} action */
function button(text, label, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'quiet';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.addEventListener('click', action);
  return b;
}

/**
 * Puts `svg` in a pan-and-zoom box `width` × `height` CSS px (call resize(width) when the width changes: the box's
 * size is never read back from the page, so a step never forces a layout). `map` is what the overview draws.
 * @param {SVGSVGElement} svg @param {Extent} extent the whole drawing
 * `onView` hears of every part of the drawing that comes into view (with some room around it), before it is shown.
 * @param {{width: number, height: number, say: (key: string) => string, map: {wires: string[], boxes: {x: number, y: number, width: number, height: number}[]}, overview: boolean,
 *   onView?: (rect: {x0: number, y0: number, x1: number, y1: number}) => void}} options
 */
export function createViewport(svg, extent, { width, height, say, map, overview: showOverview, onView }) {
  const box = document.createElement('div');
  box.className = 'viewport';
  box.style.height = `${Math.round(height)}px`;
  // The camera: the drawing point at the box's centre, and the scale. Zooming resizes the <svg> (text is laid out
  // again at the new size); panning only moves it, with a CSS transform the compositor applies without any layout,
  // which is what keeps a step on a big graph cheap when it brings the current node into view.
  svg.setAttribute('viewBox', `${extent.x} ${extent.y} ${extent.width} ${extent.height}`);
  const camera = { x: extent.x + extent.width / 2, y: extent.y + extent.height / 2, k: 1 };
  let drawnAt = 0;

  // The overview: the whole graph in miniature, the camera's frame, the current node.
  const ratio = Math.min(OVERVIEW.width / extent.width, OVERVIEW.height / extent.height);
  const overview = /** @type {SVGSVGElement} */ (/** @type {unknown} */ (svgEl('svg', {
    class: 'overview', viewBox: `${extent.x} ${extent.y} ${extent.width} ${extent.height}`,
    width: Math.max(40, Math.round(extent.width * ratio)), height: Math.max(30, Math.round(extent.height * ratio)), 'aria-hidden': 'true',
  })));
  overview.append(
    svgEl('path', { class: 'o-wires', d: map.wires.join(' '), 'stroke-width': 1.5 / ratio }),
    svgEl('path', { class: 'o-nodes', d: map.boxes.map((b) => `M${(b.x - b.width / 2).toFixed(0)},${(b.y - b.height / 2).toFixed(0)}h${b.width.toFixed(0)}v${b.height.toFixed(0)}h${(-b.width).toFixed(0)}z`).join('') }),
  );
  const frame = svgEl('rect', { class: 'o-view', 'stroke-width': 2 / ratio });
  const dot = svgEl('circle', { class: 'o-current', r: 4 / ratio, cx: -1e6, cy: -1e6 });
  overview.append(frame, dot);
  overview.toggleAttribute('hidden', !showOverview);  // an SVG element has no `hidden` property
  box.append(svg, overview);

  const level = document.createElement('span');
  level.className = 'zoom-level';
  const overviewToggle = button(say('graph.overview'), say('graph.overview'), () => {
    overview.toggleAttribute('hidden');
    overviewToggle.setAttribute('aria-pressed', String(!overview.hasAttribute('hidden')));
  });
  overviewToggle.setAttribute('aria-pressed', String(showOverview));
  const hint = document.createElement('span');
  hint.className = 'hint';
  hint.textContent = say('graph.panHint');
  const bar = document.createElement('div');
  bar.className = 'zoom-bar';
  bar.append(
    button('−', say('graph.zoomOut'), () => zoomBy(1 / ZOOM_STEP)),
    button('+', say('graph.zoomIn'), () => zoomBy(ZOOM_STEP)),
    button(say('graph.fit'), say('graph.fit'), () => fit()),
    overviewToggle, level, hint,
  );
  const element = document.createElement('div');
  element.className = 'pan-zoom';
  element.append(bar, box);

  const inner = { w: Math.max(1, width - 2), h: Math.max(1, Math.round(height) - 2) };  // inside the 1 px border
  const size = () => inner;
  const fitScale = () => { const { w, h } = size(); return Math.min(w / extent.width, h / extent.height); };
  const minScale = () => Math.min(fitScale(), READABLE_SCALE);

  /** Writes the camera into the drawing's size and offset and the overview's frame, keeping the drawing in view. */
  function apply() {
    const { w, h } = size();
    camera.k = Math.min(MAX_SCALE, Math.max(minScale(), camera.k));
    const vw = w / camera.k;
    const vh = h / camera.k;
    // The centre may go at most to the drawing's edge: never a box of empty space.
    camera.x = vw >= extent.width ? extent.x + extent.width / 2 : Math.min(extent.x + extent.width - vw / 2, Math.max(extent.x + vw / 2, camera.x));
    camera.y = vh >= extent.height ? extent.y + extent.height / 2 : Math.min(extent.y + extent.height - vh / 2, Math.max(extent.y + vh / 2, camera.y));
    const x = camera.x - vw / 2;
    const y = camera.y - vh / 2;
    if (camera.k !== drawnAt) {
      drawnAt = camera.k;
      svg.setAttribute('width', (extent.width * camera.k).toFixed(1));
      svg.setAttribute('height', (extent.height * camera.k).toFixed(1));
    }
    onView?.({ x0: x - vw / 2, y0: y - vh / 2, x1: x + 1.5 * vw, y1: y + 1.5 * vh });  // half a view around it
    svg.style.transform = `translate(${(-(x - extent.x) * camera.k).toFixed(1)}px, ${(-(y - extent.y) * camera.k).toFixed(1)}px)`;
    for (const [name, value] of Object.entries({ x, y, width: vw, height: vh })) frame.setAttribute(name, value.toFixed(1));
    level.textContent = `${Math.round(camera.k * 100)}%`;
  }

  /** Zooms by `factor` about the point at (px, py) in the box (its centre by default). @param {number} factor */
  function zoomBy(factor, px = size().w / 2, py = size().h / 2) {
    const { w, h } = size();
    const at = { x: camera.x + (px - w / 2) / camera.k, y: camera.y + (py - h / 2) / camera.k };
    camera.k = Math.min(MAX_SCALE, Math.max(minScale(), camera.k * factor));
    camera.x = at.x - (px - w / 2) / camera.k;
    camera.y = at.y - (py - h / 2) / camera.k;
    apply();
  }

  function fit() {
    camera.k = fitScale();
    camera.x = extent.x + extent.width / 2;
    camera.y = extent.y + extent.height / 2;
    apply();
  }

  /** Centres on (x, y) at scale k (kept if omitted). @param {number} x @param {number} y @param {number} [k] */
  function show(x, y, k = camera.k) {
    Object.assign(camera, { x, y, k });
    apply();
  }

  /** Brings (x, y) into view (centred) if it is outside the middle of the box, and marks it on the overview. @param {number} x @param {number} y */
  function keep(x, y) {
    dot.setAttribute('cx', x.toFixed(1));
    dot.setAttribute('cy', y.toFixed(1));
    const { w, h } = size();
    const dx = Math.abs(x - camera.x) * camera.k;
    const dy = Math.abs(y - camera.y) * camera.k;
    if (dx > w * 0.4 || dy > h * 0.4) show(x, y);
  }

  // Pointers: one drags, two pinch (the distance between them scales, their midpoint pans).
  /** @type {Map<number, {x: number, y: number}>} */
  const pointers = new Map();
  const local = (/** @type {PointerEvent | WheelEvent} */ e) => { const r = box.getBoundingClientRect(); return { x: e.clientX - r.left, y: e.clientY - r.top }; };
  const gesture = () => {
    const [a, b] = [...pointers.values()];
    return b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, d: Math.hypot(a.x - b.x, a.y - b.y) } : { x: a.x, y: a.y, d: 0 };
  };
  box.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || overview.contains(/** @type {Node} */ (e.target))) return;
    pointers.set(e.pointerId, local(e));
    box.setPointerCapture(e.pointerId);
    box.classList.add('dragging');
  });
  box.addEventListener('pointermove', (e) => {
    if (!pointers.has(e.pointerId)) return;
    const before = gesture();
    pointers.set(e.pointerId, local(e));
    const after = gesture();
    if (before.d > 0 && after.d > 0) zoomBy(after.d / before.d, after.x, after.y);
    camera.x -= (after.x - before.x) / camera.k;
    camera.y -= (after.y - before.y) / camera.k;
    apply();
  });
  const release = (/** @type {PointerEvent} */ e) => {
    pointers.delete(e.pointerId);
    if (!pointers.size) box.classList.remove('dragging');
  };
  box.addEventListener('pointerup', release);
  box.addEventListener('pointercancel', release);
  // A plain wheel scrolls the page; with Ctrl or ⌘ (and a trackpad's pinch, which Chromium sends so) it zooms.
  box.addEventListener('wheel', (e) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    const at = local(e);
    zoomBy(Math.exp(-e.deltaY * 0.0025), at.x, at.y);
  }, { passive: false });
  // The overview: press or drag to centre the camera there.
  const toOverview = (/** @type {PointerEvent} */ e) => {
    const r = overview.getBoundingClientRect();
    show(extent.x + ((e.clientX - r.left) / r.width) * extent.width, extent.y + ((e.clientY - r.top) / r.height) * extent.height);
  };
  overview.addEventListener('pointerdown', (e) => { overview.setPointerCapture(e.pointerId); toOverview(e); });
  overview.addEventListener('pointermove', (e) => { if (overview.hasPointerCapture(e.pointerId)) toOverview(e); });

  /** + and − zoom (with or without Shift, so both keyboards' "+" work), 0 fits. True if the key was used. @param {KeyboardEvent} e */
  function handleKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return false;
    const actions = { '+': () => zoomBy(ZOOM_STEP), '=': () => zoomBy(ZOOM_STEP), '-': () => zoomBy(1 / ZOOM_STEP), '−': () => zoomBy(1 / ZOOM_STEP), _: () => zoomBy(1 / ZOOM_STEP), 0: fit };
    const action = actions[/** @type {keyof typeof actions} */ (e.key)];
    if (!action) return false;
    action();
    return true;
  }

  /** The box's new width. @param {number} next */
  function resize(next) {
    inner.w = Math.max(1, next - 2);
    apply();
  }

  return { element, show, keep, fit, zoomBy, handleKey, resize, get scale() { return camera.k; } };
}
