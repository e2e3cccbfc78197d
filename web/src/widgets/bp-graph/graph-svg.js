// @ts-check
// Draws a laid-out graph as SVG (values by the wires, gradients beside them, each wire's pair where layout.js put
// it) and updates it in place for each step, touching only the texts and classes that change, so a step costs
// little even on a few hundred nodes. A leaf drawn more than once gets a stacked outline on every drawing, and
// every drawing shows the same numbers. Every label is set with textContent: formulas and names are data.
import { formatNumber } from '../lesson-kit/format.js';
import { nameParts } from './text-metrics.js';
import { wireKey } from './timeline.js';

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

/** @param {number|null|undefined} value */
const shown = (value) => (value === null || value === undefined ? '' : formatNumber(value, 4));

// Writes only what changed: unchanged texts and attributes cost the browser no restyle.
/** @param {Element} node @param {string} text */
const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };
/** @param {Element} node @param {string} name @param {string} value */
const setAttr = (node, name, value) => { if (node.getAttribute(name) !== value) node.setAttribute(name, value); };

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

/**
 * Builds the drawing. Returns the <svg>, `update(state, fanoutText, asked)`, which shows the state of one step, and
 * `setReport(next)` for the same formula at new values.
 * @param {Report} report @param {Layout} layout @param {string} label accessible name of the drawing
 */
export function drawGraph(report, layout, label) {
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

  /** @type {Map<string, {group: SVGElement, value: SVGTextElement, grad: SVGTextElement, wire: import('./layout.js').Wire}>} */
  const wires = new Map();
  const wireLayer = svg('g', { class: 'wires' });
  const labelLayer = svg('g', { class: 'labels' });  // above every wire and box, so a halo is never painted over
  for (const wire of layout.wires) {
    const value = textAt(wire.value, 'wire-value');
    const grad = textAt(wire.grad, 'wire-grad');
    // The labels live in their own layer (above every wire); data-wire still says whose they are.
    value.setAttribute('data-wire', wire.key);
    grad.setAttribute('data-wire', wire.key);
    const group = svg('g', { class: 'wire', 'data-wire': wire.key }, [svg('path', { d: wire.d, class: 'wire-line', 'marker-end': 'url(#arrow)' })]);
    wireLayer.append(group);
    labelLayer.append(value, grad);
    wires.set(wire.key, { group, value, grad, wire });
  }

  /** @type {{id: number, group: SVGElement, total: SVGTextElement | null}[]} */
  const drawn = [];
  const nodeLayer = svg('g', { class: 'nodes' });
  for (const box of layout.nodes) {
    const { group, total } = drawNode(report.nodes[box.id], box);
    nodeLayer.append(group);
    drawn.push({ id: box.id, group, total });
  }
  root.append(wireLayer, nodeLayer, labelLayer);

  /**
   * Shows the state after a step; in quiz mode `asked` is the step being asked about, whose numbers show as "?".
   * @param {StepState} state @param {FanoutText} fanoutText @param {Step | null} [asked]
   */
  function update(state, fanoutText, asked = null) {
    const current = state.current;
    const askedValue = asked?.kind === 'forward' ? asked.node : -1;
    const askedGrad = asked?.kind === 'backward' && asked.backward.kind === 'chain' ? asked.node : -1;
    const askedSeed = asked?.kind === 'backward' && asked.backward.kind === 'seed';
    for (const { id, group, total } of drawn) {
      const node = report.nodes[id];
      const known = state.known.has(id);
      const grad = state.grad.get(id);
      setAttr(group, 'data-value', known ? String(node.value) : '');
      setAttr(group, 'data-grad', grad === undefined ? '' : String(grad));
      group.classList.toggle('current', current?.node === id);
      group.classList.toggle('pending', !known);
      group.classList.toggle('asked', asked?.node === id);
      if (total) {
        const paths = state.pathsIn.get(id) ?? 0;
        setText(total, grad === undefined ? '' : fanoutText(grad, paths, node.fanout, paths >= node.fanout, compact));
      }
    }
    for (const [key, parts] of wires) {
      if (key === 'out') {
        setText(parts.value, askedValue === report.output ? '?' : state.known.has(report.output) ? shown(report.value) : '');
        setText(parts.grad, askedSeed ? '?' : shown(state.grad.get(report.output) ?? null));
        parts.group.classList.toggle('current', current?.kind === 'backward' && current.backward.kind === 'seed');
        continue;
      }
      const { from, node } = parts.wire;
      setText(parts.value, from === askedValue ? '?' : state.known.has(from) ? shown(report.nodes[from].value) : '');
      setText(parts.grad, node === askedGrad && report.nodes[from].grad !== null ? '?' : shown(state.wireGrad.get(wireKey(node, parts.wire.slot))));
      parts.group.classList.toggle('current', current?.node === node);
    }
  }

  /** The same formula at new values: the drawing stays, its numbers come from `next`. @param {Report} next */
  function setReport(next) { report = next; }

  return { svg: root, update, setReport };
}
