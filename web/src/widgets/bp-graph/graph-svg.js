// @ts-check
// Draws a laid-out graph as SVG (values by the wires, gradients beside them, each wire's pair where layout.js put
// it) and updates it in place for each step, touching only the texts and classes that change, so a step costs
// little even on a few hundred nodes. A leaf drawn more than once gets a stacked outline on every drawing, and
// every drawing shows the same numbers. Every label is set with textContent: formulas and names are data.
import { formatNumber } from '../lesson-kit/format.js';
import { nameParts } from './text-metrics.js';

/** @typedef {import('../../engine/engine.js').Report} Report */
/** @typedef {import('./layout.js').Layout} Layout */
/** @typedef {import('./layout.js').FanoutText} FanoutText */
/** @typedef {import('./timeline.js').StepState} StepState */
/** @typedef {import('./timeline.js').Step} Step */

const SVG = 'http://www.w3.org/2000/svg';

/** @param {string} tag @param {Record<string, string|number>} [attrs] @param {(Node|string)[]} [children] */
function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** A name as SVG text, its trailing number as a subscript (q1 → q₁). @param {string} name @param {Record<string, string|number>} attrs */
function nameText(name, attrs) {
  const { base, sub } = nameParts(name);
  return svg('text', attrs, sub ? [base, svg('tspan', { class: 'sub', dy: 4 }, [sub])] : [name]);
}

/** A text at a layout spot, relative to (dx, dy). @param {import('./labels.js').Spot} spot @param {string} className */
const textAt = (spot, className, dx = 0, dy = 0) =>
  /** @type {SVGTextElement} */ (svg('text', { x: +(spot.x - dx).toFixed(1), y: +(spot.y - dy).toFixed(1), 'text-anchor': spot.anchor, class: className }));

// A step writes only what changed, and knows that from what it wrote last, never by reading the DOM back: on a
// few hundred nodes the reads alone cost more than the writes, and an unchanged text or class costs no restyle.
/** @typedef {{element: Element, text: string, attrs: Map<string, string>, classes: Set<string>}} Tracked */
/** @param {Element} element @param {Record<string, string>} [attrs] what it was created with @returns {Tracked} */
const tracked = (element, attrs = {}) => ({ element, text: '', attrs: new Map(Object.entries(attrs)), classes: new Set() });
/** @param {Tracked} t @param {string} text */
const setText = (t, text) => { if (t.text !== text) { t.text = text; t.element.textContent = text; } };
/** @param {Tracked} t @param {string} name @param {string} value */
const setAttr = (t, name, value) => { if (t.attrs.get(name) !== value) { t.attrs.set(name, value); t.element.setAttribute(name, value); } };
/** @param {Tracked} t @param {string} name @param {boolean} on */
const setClass = (t, name, on) => {
  if (t.classes.has(name) === on) return;
  if (on) t.classes.add(name); else t.classes.delete(name);
  t.element.classList.toggle(name, on);
};

/** One drawing of a node. @param {Report['nodes'][number]} node @param {import('./layout.js').NodeBox} box */
function drawNode(node, box) {
  const isOp = box.shape === 'op';
  const classes = ['node', box.shape, box.copies > 1 ? 'shared' : '', box.copy ? 'copy' : ''].filter(Boolean).join(' ');
  /** @type {Record<string, string|number>} */
  const attrs = { class: classes, transform: `translate(${box.x.toFixed(1)},${box.y.toFixed(1)})`, 'data-value': '', 'data-grad': '' };
  // The first drawing carries the node's id and label (tests and tools look nodes up by them); copies point to it.
  if (box.copy) attrs['data-copy-of'] = node.id;
  else Object.assign(attrs, { 'data-node-id': node.id, 'data-label': isOp ? node.op : node.name || node.symbol });
  const group = svg('g', attrs);
  const w = box.width;
  const h = box.height;
  if (box.copies > 1) group.append(svg('rect', { x: -w / 2 + 3, y: -h / 2 + 3, width: w, height: h, rx: 6, class: 'stack' }));
  group.append(isOp
    ? svg('ellipse', { rx: w / 2, ry: h / 2, class: 'shape' })
    : svg('rect', { x: -w / 2, y: -h / 2, width: w, height: h, rx: 6, class: 'shape' }));
  group.append(box.shape === 'leaf' ? nameText(node.name, { class: 'symbol', y: 5 }) : svg('text', { class: 'symbol', y: 5 }, [node.symbol]));
  if (box.name) {
    const name = nameText(node.name, { class: 'name', x: +(box.name.x - box.x).toFixed(1), y: +(box.name.y - box.y).toFixed(1), 'text-anchor': box.name.anchor });
    group.append(name);
  }
  // A value that fans out shows its gradient's running sum beside it: the "+=" made visible.
  const total = box.total ? textAt(box.total, 'fanout-total', box.x, box.y) : null;
  if (total) group.append(total);
  return { group, total };
}

/** @typedef {import('./labels.js').Rect} Rect */
/** @typedef {{state: StepState, fanoutText: FanoutText, asked: Step | null}} Shown */
const EVERYWHERE = { x0: -Infinity, x1: Infinity, y0: -Infinity, y1: Infinity };
/** The rectangle a drawn part may cover: its box, or its wire's path and labels, with room for the texts beside. */
const REACH = 80;
/** @param {import('./layout.js').NodeBox} box @returns {Rect} */
const nodeArea = (box) => ({ x0: box.x - box.width / 2 - REACH, x1: box.x + box.width / 2 + REACH, y0: box.y - box.height / 2 - REACH, y1: box.y + box.height / 2 + REACH });
/** @param {import('./layout.js').Wire} wire @returns {Rect} */
function wireArea(wire) {
  const numbers = (wire.d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const xs = [wire.value.x, wire.grad.x, ...numbers.filter((_, k) => k % 2 === 0)];
  const ys = [wire.value.y, wire.grad.y, ...numbers.filter((_, k) => k % 2 === 1)];
  return { x0: Math.min(...xs) - REACH, x1: Math.max(...xs) + REACH, y0: Math.min(...ys) - REACH, y1: Math.max(...ys) + REACH };
}
/** @param {Rect} a @param {Rect} b */
const meets = (a, b) => a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;

/**
 * Builds the drawing. Returns the <svg>, `update(state, fanoutText, asked)`, which shows the state of one step,
 * `setReport(next)` for the same formula at new values, and `reveal(rect)`. A `lazy` drawing (a big graph in a
 * pan-and-zoom box) builds only the parts `reveal` asks for, the ones in or near view: most of a 300-node graph is
 * off screen, and building, styling and painting it all would hold up its first frame several times over.
 * @param {Report} report @param {Layout} layout @param {string} label accessible name of the drawing
 * @param {{lazy?: boolean}} [options]
 */
export function drawGraph(report, layout, label, { lazy = false } = {}) {
  const { view } = layout;
  const compact = layout.direction === 'TB';  // the short running-sum wording the layout made room for
  const root = /** @type {SVGSVGElement} */ (/** @type {unknown} */ (svg('svg', {
    viewBox: `${view.x} ${view.y} ${view.width} ${view.height}`, width: view.width, height: view.height,
    role: 'group', 'aria-label': label, class: `graph ${layout.direction}`,
  })));
  root.append(svg('defs', {}, [svg('marker', {
    // in drawing units, so a thicker current wire keeps the same arrowhead
    id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse',
  }, [svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' })])]));
  const wireLayer = svg('g', { class: 'wires' });
  const nodeLayer = svg('g', { class: 'nodes' });
  const labelLayer = svg('g', { class: 'labels' });  // above every wire and box, so a halo is never painted over
  root.append(wireLayer, nodeLayer, labelLayer);

  // The numbers as drawn, each formatted once (the same few numbers come back step after step).
  /** @type {Map<number, string>} */
  const formatted = new Map();
  const shown = (/** @type {number|null|undefined} */ value) => {
    if (value === null || value === undefined) return '';
    let text = formatted.get(value);
    if (text === undefined) formatted.set(value, text = formatNumber(value, 4));
    return text;
  };

  /** @typedef {{wire: import('./layout.js').Wire, area: Rect, parts: {group: Tracked, value: Tracked, grad: Tracked} | null}} WireRecord */
  /** @typedef {{box: import('./layout.js').NodeBox, area: Rect, parts: {group: Tracked, total: Tracked | null} | null, sum?: number, paths?: number}} NodeRecord */
  /** @type {WireRecord[]} */
  const wires = layout.wires.map((wire) => ({ wire, area: lazy ? wireArea(wire) : EVERYWHERE, parts: null }));
  /** @type {NodeRecord[]} */
  const drawn = layout.nodes.map((box) => ({ box, area: lazy ? nodeArea(box) : EVERYWHERE, parts: null }));
  let unbuilt = wires.length + drawn.length;

  /** @param {WireRecord} record */
  function buildWire(record) {
    const { wire } = record;
    const value = textAt(wire.value, 'wire-value');
    const grad = textAt(wire.grad, 'wire-grad');
    // The labels live in their own layer (above every wire); data-wire still says whose they are.
    value.setAttribute('data-wire', wire.key);
    grad.setAttribute('data-wire', wire.key);
    const group = svg('g', { class: 'wire', 'data-wire': wire.key }, [svg('path', { d: wire.d, class: 'wire-line', 'marker-end': 'url(#arrow)' })]);
    wireLayer.append(group);
    labelLayer.append(value, grad);
    record.parts = { group: tracked(group), value: tracked(value), grad: tracked(grad) };
  }

  /** @param {NodeRecord} record */
  function buildNode(record) {
    const { group, total } = drawNode(report.nodes[record.box.id], record.box);
    nodeLayer.append(group);
    record.parts = { group: tracked(group, { 'data-value': '', 'data-grad': '' }), total: total && tracked(total) };
  }

  /** What the last update showed, so a part built later shows it too. @type {Shown | null} */
  let now = null;
  let lastWording = '';

  /** Builds the parts that meet `rect` (in drawing units) and are not built yet. @param {Rect} rect */
  function reveal(rect) {
    if (!unbuilt) return;
    for (const record of drawn) {
      if (record.parts || !meets(record.area, rect)) continue;
      buildNode(record);
      unbuilt--;
      if (now) showNode(record, now);
    }
    for (const record of wires) {
      if (record.parts || !meets(record.area, rect)) continue;
      buildWire(record);
      unbuilt--;
      if (now) showWire(record, now);
    }
  }

  /** @param {NodeRecord} record @param {Shown} at */
  function showNode(record, { state, fanoutText, asked }) {
    if (!record.parts) return;
    const { group, total } = record.parts;
    const id = record.box.id;
    const node = report.nodes[id];
    const known = state.known.has(id);
    const grad = state.grad.get(id);
    setAttr(group, 'data-value', known ? String(node.value) : '');
    setAttr(group, 'data-grad', grad === undefined ? '' : String(grad));
    setClass(group, 'current', state.current?.node === id);
    setClass(group, 'pending', !known);
    setClass(group, 'asked', asked?.node === id);
    const paths = state.pathsIn.get(id) ?? 0;
    if (total && (record.sum !== grad || record.paths !== paths)) {  // worded again only when it changes
      record.sum = grad;
      record.paths = paths;
      setText(total, grad === undefined ? '' : fanoutText(grad, paths, node.fanout, paths >= node.fanout, compact));
    }
  }

  /** @param {WireRecord} record @param {Shown} at */
  function showWire(record, { state, asked }) {
    if (!record.parts) return;
    const { group, value, grad } = record.parts;
    const current = state.current;
    const askedValue = asked?.kind === 'forward' ? asked.node : -1;
    if (record.wire.key === 'out') {
      const askedSeed = asked?.kind === 'backward' && asked.backward.kind === 'seed';
      setText(value, askedValue === report.output ? '?' : state.known.has(report.output) ? shown(report.value) : '');
      setText(grad, askedSeed ? '?' : shown(state.grad.get(report.output) ?? null));
      setClass(group, 'current', current?.kind === 'backward' && current.backward.kind === 'seed');
      return;
    }
    const { from, node } = record.wire;
    const askedGrad = asked?.kind === 'backward' && asked.backward.kind === 'chain' ? asked.node : -1;
    setText(value, from === askedValue ? '?' : state.known.has(from) ? shown(report.nodes[from].value) : '');
    setText(grad, node === askedGrad && report.nodes[from].grad !== null ? '?' : shown(state.wireGrad.get(record.wire.key)));
    setClass(group, 'current', current?.node === node);
  }

  /**
   * Shows the state after a step; in quiz mode `asked` is the step being asked about, whose numbers show as "?".
   * @param {StepState} state @param {FanoutText} fanoutText @param {Step | null} [asked]
   */
  function update(state, fanoutText, asked = null) {
    now = { state, fanoutText, asked };
    // A new wording (the language changed) words every running sum again.
    const wording = fanoutText(1, 1, 2, false, compact);
    if (wording !== lastWording) for (const record of drawn) record.paths = -1;
    lastWording = wording;
    for (const record of drawn) showNode(record, now);
    for (const record of wires) showWire(record, now);
  }

  /** The same formula at new values: the drawing stays, its numbers come from `next`. @param {Report} next */
  function setReport(next) {
    report = next;
    for (const record of drawn) record.paths = -1;  // new numbers: every running sum is worded again
  }

  if (!lazy) reveal(EVERYWHERE);
  return { svg: root, update, setReport, reveal, revealAll: () => reveal(EVERYWHERE) };
}
