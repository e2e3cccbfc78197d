// @ts-check
// Draws a laid-out graph as SVG (cs231n style: values above the wires, gradients below) and updates it in place
// for each step, touching only text and classes so a step costs little even on a few hundred nodes. Every label is
// set with textContent: formulas and names are data, never markup.
import { formatNumber } from '../lesson-kit/format.js';
import { wireKey } from './timeline.js';

/** @typedef {import('../../engine/engine.js').Report} Report */
/** @typedef {import('./layout.js').Layout} Layout */
/** @typedef {import('./timeline.js').StepState} StepState */

const SVG = 'http://www.w3.org/2000/svg';

/** @param {string} tag @param {Record<string, string|number>} [attrs] @param {(Node|string)[]} [children] */
function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** A smooth path through dagre's points (quadratic joins at the midpoints). @param {{x: number, y: number}[]} p */
function pathThrough(p) {
  if (p.length < 3) return `M${p[0].x},${p[0].y} L${p[p.length - 1].x},${p[p.length - 1].y}`;
  let d = `M${p[0].x},${p[0].y}`;
  for (let i = 1; i < p.length - 1; i++) {
    const mid = { x: (p[i].x + p[i + 1].x) / 2, y: (p[i].y + p[i + 1].y) / 2 };
    d += ` Q${p[i].x},${p[i].y} ${i === p.length - 2 ? `${p[i + 1].x},${p[i + 1].y}` : `${mid.x},${mid.y}`}`;
  }
  return d;
}

/**
 * A name as SVG text: a trailing number becomes a subscript (q1 → q₁, w0 → w₀), as in the engine's LaTeX names.
 * @param {string} name @param {Record<string, string|number>} attrs
 */
function nameText(name, attrs) {
  const match = /^([A-Za-z]+)(\d+)$/.exec(name);
  if (!match) return svg('text', attrs, [name]);
  return svg('text', attrs, [match[1], svg('tspan', { 'baseline-shift': 'sub', 'font-size': '75%' }, [match[2]])]);
}

/** @param {number|null|undefined} value */
const shown = (value) => (value === null || value === undefined ? '' : formatNumber(value, 4));

// Writes only what changed: a step then touches a handful of elements, not the whole drawing, so the browser
// restyles little even on a few hundred nodes.
/** @param {Element} node @param {string} text */
const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };
/** @param {Element} node @param {string} name @param {string} value */
const setAttr = (node, name, value) => { if (node.getAttribute(name) !== value) node.setAttribute(name, value); };

/**
 * Builds the drawing. Returns the <svg> and `update(state)`, which shows the state of one step.
 * @param {Report} report @param {Layout} layout @param {string} label accessible name of the drawing
 */
export function drawGraph(report, layout, label) {
  const root = svg('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height,
    role: 'group', 'aria-label': label, class: 'graph',
  });
  root.append(svg('defs', {}, [svg('marker', {
    id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, [svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' })])]));

  /** @type {Map<string, {group: SVGElement, value: SVGTextElement, grad: SVGTextElement}>} */
  const wires = new Map();
  const wireLayer = svg('g', { class: 'wires' });
  const addWire = (/** @type {string} */ key, /** @type {{x: number, y: number}[]} */ points, /** @type {{x: number, y: number}} */ at) => {
    const value = /** @type {SVGTextElement} */ (svg('text', { x: at.x, y: at.y - 6, class: 'wire-value' }));
    const grad = /** @type {SVGTextElement} */ (svg('text', { x: at.x, y: at.y + 16, class: 'wire-grad' }));
    const group = svg('g', { class: 'wire', 'data-wire': key },
      [svg('path', { d: pathThrough(points), class: 'wire-line', 'marker-end': 'url(#arrow)' }), value, grad]);
    wireLayer.append(group);
    wires.set(key, { group, value, grad });
  };
  for (const wire of layout.wires) addWire(wireKey(wire.node, wire.slot), wire.points, wire.label);
  addWire('out', layout.out.points, layout.out.label);

  /** @type {Map<number, {group: SVGElement, total: SVGTextElement | null}>} */
  const nodes = new Map();
  const nodeLayer = svg('g', { class: 'nodes' });
  for (const box of layout.nodes) {
    const node = report.nodes[box.id];
    const isOp = box.shape === 'op';
    const group = svg('g', {
      class: `node ${box.shape}`, transform: `translate(${box.x},${box.y})`,
      'data-node-id': node.id, 'data-label': isOp ? node.op : node.name || node.symbol, 'data-value': '', 'data-grad': '',
    });
    group.append(isOp
      ? svg('ellipse', { rx: box.width / 2, ry: box.height / 2, class: 'shape' })
      : svg('rect', { x: -box.width / 2, y: -box.height / 2, width: box.width, height: box.height, rx: 6, class: 'shape' }));
    if (isOp) {
      group.append(svg('text', { class: 'symbol', y: 5 }, [node.symbol]));
      group.append(nameText(node.name, { class: 'name', y: -box.height / 2 - 6 }));
    } else {
      group.append(box.shape === 'const' ? svg('text', { class: 'symbol', y: 5 }, [node.symbol]) : nameText(node.name, { class: 'symbol', y: 5 }));
    }
    // A value that fans out shows its gradient's running sum under it: the "+=" made visible.
    const total = node.fanout > 1
      ? /** @type {SVGTextElement} */ (svg('text', { class: 'fanout-total', y: box.height / 2 + 16 }))
      : null;
    if (total) group.append(total);
    nodeLayer.append(group);
    nodes.set(node.id, { group, total });
  }
  root.append(wireLayer, nodeLayer);

  /**
   * Shows the state after a step; in quiz mode `asked` is the step being asked about, whose numbers show as "?".
   * @param {StepState} state @param {(total: number, path: number, paths: number, done: boolean) => string} fanoutText
   * @param {import('./timeline.js').Step | null} [asked]
   */
  function update(state, fanoutText, asked = null) {
    const current = state.current;
    const askedValue = asked?.kind === 'forward' ? asked.node : -1;
    const askedGrad = asked?.kind === 'backward' && asked.backward.kind === 'chain' ? asked.node : -1;
    const askedSeed = asked?.kind === 'backward' && asked.backward.kind === 'seed';
    for (const node of report.nodes) {
      const { group, total } = /** @type {{group: SVGElement, total: SVGTextElement | null}} */ (nodes.get(node.id));
      const known = state.known.has(node.id);
      const grad = state.grad.get(node.id);
      setAttr(group, 'data-value', known ? String(node.value) : '');
      setAttr(group, 'data-grad', grad === undefined ? '' : String(grad));
      group.classList.toggle('current', current?.node === node.id);
      group.classList.toggle('pending', !known);
      group.classList.toggle('asked', asked?.node === node.id);
      if (total) {
        const paths = state.pathsIn.get(node.id) ?? 0;
        setText(total, grad === undefined ? '' : fanoutText(grad, paths, node.fanout, paths >= node.fanout));
      }
    }
    for (const wire of layout.wires) {
      const key = wireKey(wire.node, wire.slot);
      const parts = /** @type {{group: SVGElement, value: SVGTextElement, grad: SVGTextElement}} */ (wires.get(key));
      setText(parts.value, wire.from === askedValue ? '?' : state.known.has(wire.from) ? shown(report.nodes[wire.from].value) : '');
      setText(parts.grad, wire.node === askedGrad && report.nodes[wire.from].grad !== null ? '?' : shown(state.wireGrad.get(key)));
      parts.group.classList.toggle('current', current?.node === wire.node);
    }
    const out = /** @type {{group: SVGElement, value: SVGTextElement, grad: SVGTextElement}} */ (wires.get('out'));
    setText(out.value, askedValue === report.output ? '?' : state.known.has(report.output) ? shown(report.value) : '');
    setText(out.grad, askedSeed ? '?' : shown(state.grad.get(report.output) ?? null));
    out.group.classList.toggle('current', current?.kind === 'backward' && current.backward.kind === 'seed');
  }

  /** The same formula at new values: the drawing stays, its numbers come from `next`. @param {Report} next */
  function setReport(next) { report = next; }

  return { svg: root, update, setReport };
}
