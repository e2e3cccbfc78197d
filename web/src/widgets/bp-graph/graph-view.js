// @ts-check
// The stepper's drawing, fitted to its box: picks the direction by the room there is (left to right when the graph
// fits that way at a readable size, else top to bottom), scales it to the box's width, and lays it out again when
// the box changes size, keeping the step shown. A graph that fits neither way at 12 px text opens at a readable
// scale in a pan-and-zoom viewport (viewport.js), following the current step. It has the same update/setReport
// as a bare drawing, so the element only says what to show; it is not the element and owns no steps.
import { layoutGraph } from './layout.js';
import { drawGraph } from './graph-svg.js';
import { createViewport } from './viewport.js';
import { READABLE_SCALE } from './text-metrics.js';

/** @typedef {import('../../engine/engine.js').Report} Report */
/** @typedef {import('./layout.js').Layout} Layout */
/** @typedef {import('./layout.js').Direction} Direction */
/** @typedef {import('./layout.js').FanoutText} FanoutText */
/** @typedef {import('./timeline.js').StepState} StepState */
/** @typedef {import('./timeline.js').Step} Step */

const MAX_SCALE = 1.3;          // a small graph in a wide box grows, up to this
const FIT_NODES = 80;           // beyond this a graph cannot fit a box at a readable size: straight to pan and zoom
const WIDE = 600;               // a box at least this wide pans a big graph left to right
const FALLBACK_WIDTH = 640;     // the box's width while it has none (not yet shown)
const PAN_SCALE = 1;            // a big graph opens at this scale: 13 px labels
const TIGHTER_BY = 20;          // drawing units: the steps in which a too-wide top-to-bottom layout is tried narrower
const TIGHTEST = 0.55;          // ... down to this share of the width it must keep within

/**
 * @param {Report} report
 * @param {{label: string, say: (key: string) => string}} options the drawing's accessible name; UI strings
 */
export function createGraphView(report, { label, say }) {
  const element = document.createElement('div');
  element.className = 'graph-view';
  /** @type {Map<string, Layout>} */
  const layouts = new Map();
  /** @type {{direction: Direction, pan: boolean, layout: Layout, drawing: ReturnType<typeof drawGraph>, viewport: ReturnType<typeof createViewport> | null, focus: Map<number, {x: number, y: number}>} | null} */
  let shown = null;
  /** @type {[StepState, FanoutText, Step | null] | null} */
  let last = null;
  let width = 0;

  // Left to right has one layout; top to bottom one per width it must keep within (narrow.js splits wide ranks).
  // Labels and wires beside the boxes can still push a drawing past that width, and by an amount no formula
  // predicts, so narrower budgets are tried in turn (down to TIGHTEST of it) and the narrowest drawing is kept.
  // Rounded, so a resize reuses them.
  const layoutFor = (/** @type {Direction} */ direction, room = Infinity) => {
    const budget = direction === 'LR' || !Number.isFinite(room) ? Infinity : Math.floor(room / READABLE_SCALE / 10) * 10;
    const key = `${direction}:${budget}`;
    let layout = layouts.get(key);
    if (!layout) {
      layout = layoutGraph(report, { direction, fanoutText: last?.[1], budget });
      for (let tighter = budget - TIGHTER_BY; layout.width > budget && tighter >= TIGHTEST * budget; tighter -= TIGHTER_BY) {
        const next = layoutGraph(report, { direction, fanoutText: last?.[1], budget: tighter });
        if (next.width < layout.width) layout = next;
      }
      layouts.set(key, layout);
    }
    return layout;
  };
  // A tall top-to-bottom drawing is not enlarged: it would only push the text further down.
  const scaleIn = (/** @type {Layout} */ layout, /** @type {number} */ room) => Math.min(layout.direction === 'LR' ? MAX_SCALE : 1, room / layout.width);

  /** Which layout shows best in `room` px: the current one while it still fits, else left to right if readable, else top to bottom. @param {number} room */
  function choose(room) {
    if (report.nodes.length > FIT_NODES) return { direction: /** @type {Direction} */ (room >= WIDE ? 'LR' : 'TB'), pan: true };
    if (shown && !shown.pan && scaleIn(shown.layout, room) >= READABLE_SCALE &&
      !(shown.direction === 'TB' && scaleIn(layoutFor('LR'), room) >= 1)) return { direction: shown.direction, pan: false, layout: shown.layout };
    const across = scaleIn(layoutFor('LR'), room);
    if (across >= 1) return { direction: /** @type {Direction} */ ('LR'), pan: false };
    const down = scaleIn(layoutFor('TB', room), room);
    if (Math.max(across, down) >= READABLE_SCALE) return { direction: /** @type {Direction} */ (across >= down ? 'LR' : 'TB'), pan: false };
    return { direction: /** @type {Direction} */ (room >= WIDE ? 'LR' : 'TB'), pan: true };
  }

  /** Shows the right drawing for the box's current width, rebuilding it only if the direction or mode changes. */
  function arrange() {
    const room = width || FALLBACK_WIDTH;
    const choice = choose(room);
    const layout = choice.layout ?? layoutFor(choice.direction, report.nodes.length > FIT_NODES ? Infinity : room);
    if (!shown || shown.layout !== layout || shown.pan !== choice.pan) {
      const drawing = drawGraph(report, layout, label, { lazy: choice.pan });
      const { view } = layout;
      drawing.svg.dataset.extent = `${view.x} ${view.y} ${view.width} ${view.height}`;
      /** @type {Map<number, {x: number, y: number}>} */
      const focus = new Map();
      for (const box of layout.nodes) if (!box.copy) focus.set(box.id, { x: box.x, y: box.y });
      let viewport = null;
      if (choice.pan) {
        const height = Math.min(view.height * PAN_SCALE, Math.max(300, Math.min(640, 0.7 * (globalThis.innerHeight || 900))));
        viewport = createViewport(drawing.svg, view, {
          width: room, height: Math.max(240, height), say, overview: room >= 480,
          map: { wires: layout.wires.map((w) => w.d), boxes: layout.nodes }, onView: drawing.reveal,
        });
        element.replaceChildren(viewport.element);
      } else {
        element.replaceChildren(drawing.svg);
      }
      shown = { direction: choice.direction, pan: choice.pan, layout, drawing, viewport, focus };
      if (last) drawing.update(...last);
      if (viewport) {
        const at = focusPoint();
        viewport.show(at.x, at.y, PAN_SCALE);
      }
    }
    if (!shown.pan) {
      const scale = scaleIn(shown.layout, room);
      shown.drawing.svg.setAttribute('width', String(Math.floor(shown.layout.width * scale)));
      shown.drawing.svg.setAttribute('height', String(Math.floor(shown.layout.height * scale)));
    } else {
      shown.viewport?.resize(room);
    }
  }

  /** Where the reader is: the current step's node, or before any step the first node the forward pass computes. */
  function focusPoint() {
    const state = last?.[0];
    const id = state?.current?.node ?? report.forward[0]?.node ?? report.output;
    return shown?.focus.get(id) ?? { x: 0, y: 0 };
  }

  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
    const next = Math.floor(entries[entries.length - 1].contentRect.width);
    if (next <= 0 || next === width) return;  // hidden (a lesson step not shown), or no change
    width = next;
    if (shown) arrange();
  });
  observer?.observe(element);

  return {
    element,
    /** The drawing's <svg> (the whole graph, whatever part is in view). */
    get svg() { return /** @type {SVGSVGElement} */ (shown?.drawing.svg ?? null); },
    /** Which way it is drawn and whether it pans: for tests and tools. */
    get mode() { return shown ? { direction: shown.direction, pan: shown.pan } : null; },
    /** Shows the state after a step (see graph-svg.js). @param {StepState} state @param {FanoutText} fanoutText @param {Step | null} [asked] */
    update(state, fanoutText, asked = null) {
      last = [state, fanoutText, asked];
      if (!shown) {
        width = Math.floor(element.getBoundingClientRect().width);
        arrange();
      } else {
        shown.drawing.update(state, fanoutText, asked);
      }
      this.follow();
    },
    /** The same formula at new values. @param {Report} next */
    setReport(next) {
      report = next;
      shown?.drawing.setReport(next);
    },
    /** Keeps the current step in view when the drawing pans. */
    follow() {
      if (!shown?.viewport) return;
      const at = focusPoint();
      shown.viewport.keep(at.x, at.y);
    },
    /** + and − zoom a panning drawing; true if the key was used. @param {KeyboardEvent} event */
    handleKey(event) { return shown?.viewport?.handleKey(event) ?? false; },
    /** Builds every part of a drawing that builds only what is in view (for an export). */
    complete() { shown?.drawing.revealAll(); },
    /** Stops watching the box's size. */
    destroy() { observer?.disconnect(); },
  };
}
