// @ts-check
// The expression-graph layout: the engine's report in, every box, wire and label position out, left to right
// ('LR') or top to bottom ('TB'). It runs the stages (ranks, narrow, ordering, placement, wires, labels: one file
// each) in a frame where u runs along the ranks and v across them, then turns that frame into x and y. Room is
// made for the longest text each label will ever show. Pixel geometry only: every number drawn comes from the engine.
import { formatNumber } from '../lesson-kit/format.js';
import { layeredGraph, addBends } from './ranks.js';
import { neighbours, orderLayers, walkOrder } from './ordering.js';
import { narrow } from './narrow.js';
import { rankPositions, crossPositions } from './placement.js';
import { route, routeOut } from './wires.js';
import { placeLabels, STACK_HEIGHT } from './labels.js';
import { FONT, textWidth, nameWidth } from './text-metrics.js';
import { stepsOf, stateAt, wireKey } from './timeline.js';

/** @typedef {import('../../engine/engine.js').Report} Report */
/** @typedef {import('./labels.js').Spot} Spot */
/** @typedef {import('./labels.js').Rect} Rect */
/** @typedef {'LR'|'TB'} Direction */
/**
 * @typedef {{id: number, copy: boolean, copies: number, shape: 'leaf'|'const'|'op', x: number, y: number,
 *   width: number, height: number, name: Spot | null, total: Spot | null}} NodeBox
 *   one drawing of report node `id`; `copies` is how many times that node is drawn
 * @typedef {{key: string, node: number, slot: number, from: number, d: string, value: Spot, grad: Spot}} Wire
 *   the wire into slot `slot` of `node` (key 'out' for the output's own wire), from report node `from`
 * @typedef {{direction: Direction, nodes: NodeBox[], wires: Wire[], view: {x: number, y: number, width: number,
 *   height: number}, width: number, height: number, crossings: number}} Layout
 * @typedef {(total: number, path: number, paths: number, done: boolean, compact: boolean) => string} FanoutText
 *   `compact`: the short wording a narrow (top-to-bottom) drawing uses
 */

const MARGIN = 10;
const OP = { size: 38, pad: 14 };        // an operation's circle: at least 38 across, its symbol plus padding
const LEAF = { height: 30, min: 30, pad: 14 };
const NAME_ROOM = 17;                    // a line of name or sum text next to a box
const SEPARATION = { LR: 14, TB: 12 };   // between two boxes of a rank
const BEND = 5;                          // the room a wire takes where it crosses a rank
const BENDS_UP_TO = 150;                 // boxes; a bigger graph routes its long wires around boxes instead
const ARROW = 8;
const LABEL_PAD = 8;                     // between a label and the ranks either side of it
const STACK_ROW = STACK_HEIGHT + 6;      // top to bottom, one row of value-over-gradient stacks
const GROW_ROUNDS = 3;                   // times a crowded gap may grow

/** The widest text a label of this wire will show. @param {string[]} texts */
const widest = (texts) => Math.max(textWidth('−0.000', FONT.label), ...texts.map((t) => textWidth(t, FONT.label)));

/**
 * Lays `report` out. `fanoutText` is how the drawing words a fan-out's running sum (measured to make room);
 * `budget` is the width top to bottom should keep within, splitting ranks that are wider (narrow.js).
 * @param {Report} report @param {{direction?: Direction, fanoutText?: FanoutText, budget?: number}} [options] @returns {Layout}
 */
export function layoutGraph(report, { direction = 'LR', fanoutText = (total) => `Σ ${formatNumber(total)}`, budget = Infinity } = {}) {
  const horizontal = direction === 'LR';
  const graph = layeredGraph(report);
  const copies = new Array(report.nodes.length).fill(0);
  for (const instance of graph.instances) copies[instance.id]++;
  const shapes = graph.instances.map((instance) => shapeOf(report.nodes[instance.id], instance.shape, fanoutText, !horizontal));
  const crossSize = (/** @type {number} */ i) => { const e = extentOf(shapes[i], horizontal); return e.lo + e.hi; };
  if (!horizontal && Number.isFinite(budget)) {
    const walk = walkOrder(graph, neighbours(graph).inputs);
    narrow(graph, crossSize, 0.85 * budget, SEPARATION.TB, walk);  // less some room for bends and pulls
  }
  if (graph.instances.length <= BENDS_UP_TO) addBends(graph);
  const links = neighbours(graph);
  const { layers, crossings } = orderLayers(graph, links);
  const isBend = (/** @type {number} */ i) => graph.instances[i].shape === 'bend';
  const extents = graph.instances.map((instance, i) => (isBend(i) ? { before: 0, after: 0, lo: BEND, hi: BEND } : extentOf(shapes[i], horizontal)));

  // Label widths: the value a wire carries and the gradient it carries back, as the last step shows them.
  const final = stateAt(report, stepsOf(report), report.forward.length + report.backward.length);
  const labelWidths = graph.edges.map((edge) => ({
    value: widest([formatNumber(report.nodes[graph.instances[edge.from].id].value, 4), '?']),
    grad: widest([formatNumber(final.wireGrad.get(wireKey(edge.node, edge.slot)) ?? 0, 4), '?']),
  }));
  const outWidths = { value: widest([formatNumber(report.value, 4)]), grad: widest(['1']) };

  // Gaps between ranks, from the labels of the wires that end in the next rank: left to right as wide as the
  // widest; top to bottom as many rows of stacks as their widths need across the drawing.
  const lastHop = (/** @type {import('./ranks.js').Edge} */ edge) => graph.instances[edge.via.length ? edge.via[edge.via.length - 1] : edge.from].rank;
  const gaps = new Array(graph.rankCount).fill(horizontal ? 36 : STACK_ROW + 2 * LABEL_PAD);
  if (horizontal) {
    graph.edges.forEach((edge, e) => {
      const r = graph.instances[edge.to].rank - 1;
      gaps[r] = Math.max(gaps[r], Math.max(labelWidths[e].value, labelWidths[e].grad) + 2 * LABEL_PAD + ARROW);
    });
  } else {
    const across = Math.min(budget, Math.max(...layers.map((layer) => layer.reduce((sum, i) => sum + extents[i].lo + extents[i].hi + SEPARATION.TB, 0))));
    const demand = new Array(graph.rankCount).fill(0);
    graph.edges.forEach((edge, e) => { demand[lastHop(edge)] += Math.max(labelWidths[e].value, labelWidths[e].grad) + 16; });
    demand.forEach((need, r) => { gaps[r] = Math.max(gaps[r], Math.ceil(need / Math.max(across, 1)) * STACK_ROW + 2 * LABEL_PAD); });
  }
  let outGap = horizontal ? Math.max(outWidths.value, outWidths.grad) + 2 * LABEL_PAD + ARROW : STACK_ROW + 2 * LABEL_PAD;
  // Top to bottom within a budget, the boxes keep inside it (less a little for the labels that may go outside).
  const across = crossPositions(layers, extents, links, SEPARATION[direction], MARGIN, horizontal ? Infinity : budget - 2 * LABEL_PAD);
  const inputsOf = graph.instances.map((instance) => (instance.id >= 0 ? report.nodes[instance.id].inputs.length : 1));
  const frame = { graph, layers, extents, shapes, across, inputsOf, copies, labelWidths, outWidths, horizontal, isBend };

  // Where labels still overlap, the gap they go in grows by a row and everything along the ranks is placed again
  // (a small graph only: a big one is explored by zooming, and its layout must be quick).
  let geometry = alongRanks(frame, gaps, outGap);
  for (let round = 0; round < GROW_ROUNDS && graph.instances.length <= BENDS_UP_TO; round++) {
    const crowded = new Set();
    // (top to bottom, if labels sticking out sideways make the drawing wider than its budget, those are crowded too)
    const tooWide = !horizontal && bounds([...geometry.obstacles, ...geometry.placed.flatMap((p) => p.rects)], []).width > budget;
    const bad = (/** @type {{cost: number, outside: number}} */ p) => p.cost > 0 || (tooWide && p.outside > 0);
    graph.edges.forEach((edge, e) => { if (bad(geometry.placed[e])) crowded.add(lastHop(edge)); });
    const outCrowded = bad(geometry.placed[graph.edges.length]);
    if (!crowded.size && !outCrowded) break;
    for (const r of crowded) gaps[r] += horizontal ? 16 : STACK_ROW / 2;
    if (outCrowded) outGap += horizontal ? 16 : STACK_ROW / 2;
    geometry = alongRanks(frame, gaps, outGap);
  }
  const { nodes, obstacles, routes, wireLabels, placed, xy } = geometry;

  /** @type {Wire[]} */
  const wires = graph.edges.map((edge, e) => ({
    key: wireKey(edge.node, edge.slot), node: edge.node, slot: edge.slot, from: graph.instances[edge.from].id,
    d: pathOf(routes[e].curve, xy), value: placed[e].value, grad: placed[e].grad,
  }));
  wires.push({ key: 'out', node: -1, slot: 0, from: report.output, d: pathOf(geometry.outRoute.curve, xy),
    value: placed[placed.length - 1].value, grad: placed[placed.length - 1].grad });

  const view = bounds([...obstacles, ...placed.flatMap((p) => p.rects)], wireLabels.map((w) => w.points));
  return { direction, nodes, wires, view, width: view.width, height: view.height, crossings };
}

/**
 * Everything that depends on where the ranks are: the boxes, the wires' routes and the labels.
 * @param {any} frame what layoutGraph worked out across the ranks @param {number[]} gaps @param {number} outGap
 */
function alongRanks({ graph, layers, extents, shapes, across, inputsOf, copies, labelWidths, outWidths, horizontal, isBend }, gaps, outGap) {
  const ranks = rankPositions(layers, extents, gaps, MARGIN);
  const boxes = graph.instances.map((/** @type {import('./ranks.js').Instance} */ instance, /** @type {number} */ i) => ({
    rank: instance.rank, u: ranks.at[instance.rank], v: across[i],
    hu: isBend(i) ? 0 : (horizontal ? shapes[i].width : shapes[i].height) / 2, hv: isBend(i) ? 0 : (horizontal ? shapes[i].height : shapes[i].width) / 2,
    lo: extents[i].lo, hi: extents[i].hi, round: !isBend(i) && shapes[i].round,
  }));
  const byRank = layers.map((/** @type {number[]} */ layer) => layer.filter((i) => !isBend(i)).map((i) => boxes[i]));
  const routes = graph.edges.map((/** @type {import('./ranks.js').Edge} */ edge) =>
    route(boxes[edge.from], boxes[edge.to], edge.slot, inputsOf[edge.to], edge.via.map((i) => boxes[i]), byRank, ranks.at));
  const outRoute = routeOut(boxes[graph.output], outGap);

  const xy = (/** @type {{u: number, v: number}} */ p) => (horizontal ? { x: p.u, y: p.v } : { x: p.v, y: p.u });
  const drawn = graph.instances.map((/** @type {unknown} */ _, /** @type {number} */ i) => i).filter((/** @type {number} */ i) => !isBend(i));
  /** @type {NodeBox[]} */
  const nodes = drawn.map((/** @type {number} */ i) => nodeBox(graph.instances[i], boxes[i], shapes[i], copies[graph.instances[i].id], horizontal, xy));
  /** @type {Rect[]} */
  const obstacles = [];
  nodes.forEach((node, k) => {
    const shape = shapes[drawn[k]];
    obstacles.push({ x0: node.x - node.width / 2, x1: node.x + node.width / 2, y0: node.y - node.height / 2, y1: node.y + node.height / 2 });
    if (node.name) obstacles.push(textRect(node.name, shape.nameWide, FONT.name));
    if (node.total) obstacles.push(textRect(node.total, shape.totalWide, FONT.total));
  });

  // The stretches between ranks where a wire's labels may go, the one next to its consumer first.
  const stretch = (/** @type {number} */ r) => /** @type {[number, number]} */ ([ranks.at[r] + ranks.after[r], ranks.at[r + 1] - ranks.before[r + 1]]);
  /** @type {import('./labels.js').WireLabels[]} */
  const wireLabels = graph.edges.map((/** @type {import('./ranks.js').Edge} */ edge, /** @type {number} */ e) => {
    const gapsAlong = [];
    for (let r = graph.instances[edge.to].rank - 1; r >= graph.instances[edge.from].rank; r--) gapsAlong.push(stretch(r));
    const count = inputsOf[edge.to];
    return { points: routes[e].points.map(xy), valueWidth: labelWidths[e].value, gradWidth: labelWidths[e].grad, gaps: gapsAlong,
      side: /** @type {1|-1} */ (count > 1 && edge.slot === 0 ? -1 : 1) };  // slot 0 of several: above / left
  });
  const last = graph.instances[graph.output].rank;
  const outStart = ranks.at[last] + ranks.after[last];
  wireLabels.push({ points: outRoute.points.map(xy), valueWidth: outWidths.value, gradWidth: outWidths.grad,
    gaps: [[outStart, outStart + outGap]], side: 1 });
  const placed = placeLabels(wireLabels, obstacles, horizontal);
  return { nodes, obstacles, routes, outRoute, wireLabels, placed, xy };
}

/**
 * A box's size and the widths of its name (operations) and running sum (fan-outs).
 * @param {Report['nodes'][number]} node @param {string} shape @param {FanoutText} fanoutText @param {boolean} compact
 */
function shapeOf(node, shape, fanoutText, compact) {
  const round = shape === 'op';
  const text = shape === 'leaf' ? nameWidth(node.name, FONT.symbol) : textWidth(node.symbol, FONT.symbol);
  const width = round ? Math.max(OP.size, text + OP.pad) : Math.max(LEAF.min, text + LEAF.pad);
  const height = round ? OP.size : LEAF.height;
  const nameWide = round ? nameWidth(node.name, FONT.name) : 0;
  const grad = node.grad ?? 0;
  const totalWide = node.fanout > 1 && node.grad !== null
    ? Math.max(...[fanoutText(grad, node.fanout, node.fanout, true, compact), fanoutText(grad, node.fanout - 1, node.fanout, false, compact)]
      .map((t) => textWidth(t, FONT.total)))
    : 0;
  return { round, width, height, nameWide, totalWide };
}

/**
 * How far a box reaches with its texts. Left to right the name goes above and the sum below; top to bottom both go
 * under an operation, the name to the right of the outgoing wire and the sum to its left, and a leaf's sum above it.
 * @param {ReturnType<typeof shapeOf>} s @param {boolean} horizontal @returns {import('./placement.js').Extent}
 */
function extentOf(s, horizontal) {
  if (horizontal) {
    const half = Math.max(s.width, s.nameWide + 4, s.totalWide + 4) / 2;
    return { before: half, after: half, lo: s.height / 2 + (s.nameWide ? NAME_ROOM : 0), hi: s.height / 2 + (s.totalWide ? NAME_ROOM : 0) };
  }
  if (!s.round) {  // a leaf has no wire coming in: its sum goes above it, centred
    const half = Math.max(s.width, s.totalWide) / 2;
    return { before: s.height / 2 + (s.totalWide ? NAME_ROOM : 0), after: s.height / 2, lo: half, hi: half };
  }
  return { before: s.height / 2, after: s.height / 2 + (s.nameWide || s.totalWide ? NAME_ROOM : 0),
    lo: Math.max(s.width / 2, s.totalWide ? s.totalWide + 7 : 0), hi: Math.max(s.width / 2, s.nameWide ? s.nameWide + 7 : 0) };
}

/** One drawn box and where its name and sum go. @returns {NodeBox} */
function nodeBox(
  /** @type {import('./ranks.js').Instance} */ instance, /** @type {{u: number, v: number}} */ box,
  /** @type {{round: boolean, width: number, height: number, nameWide: number, totalWide: number}} */ shape,
  /** @type {number} */ copies, /** @type {boolean} */ horizontal, /** @type {(p: {u: number, v: number}) => {x: number, y: number}} */ xy,
) {
  const { x, y } = xy(box);
  const { width, height } = shape;
  /** @type {Spot | null} */
  let name = null;
  /** @type {Spot | null} */
  let total = null;
  if (horizontal) {
    if (shape.nameWide) name = { x, y: y - height / 2 - 5, anchor: 'middle' };
    if (shape.totalWide) total = { x, y: y + height / 2 + 14, anchor: 'middle' };
  } else if (!shape.round) {
    if (shape.totalWide) total = { x, y: y - height / 2 - 5, anchor: 'middle' };
  } else {
    if (shape.nameWide) name = { x: x + 7, y: y + height / 2 + 13, anchor: 'start' };
    if (shape.totalWide) total = { x: x - 7, y: y + height / 2 + 13, anchor: 'end' };
  }
  // Bend points never get a box (they are wire waypoints), so the instance here is a drawn node.
  const drawn = /** @type {'leaf'|'const'|'op'} */ (instance.shape);
  return { id: instance.id, copy: instance.copy, copies, shape: drawn, x, y, width, height, name, total };
}

/** The rectangle a one-line text covers. @param {Spot} spot @param {number} width @param {number} size @returns {Rect} */
function textRect(spot, width, size) {
  const x0 = spot.anchor === 'start' ? spot.x : spot.anchor === 'end' ? spot.x - width : spot.x - width / 2;
  return { x0: x0 - 2, x1: x0 + width + 2, y0: spot.y - size * 0.8 - 2, y1: spot.y + size * 0.25 + 2 };
}

/** SVG path data of cubic pieces. @param {{u: number, v: number}[][]} curve @param {(p: {u: number, v: number}) => {x: number, y: number}} xy */
function pathOf(curve, xy) {
  const f = (/** @type {{u: number, v: number}} */ p) => { const q = xy(p); return `${q.x.toFixed(1)},${q.y.toFixed(1)}`; };
  return `M${f(curve[0][0])}${curve.map(([, b, c, d]) => ` C${f(b)} ${f(c)} ${f(d)}`).join('')}`;
}

/** The box around everything, with a margin. @param {Rect[]} rects @param {{x: number, y: number}[][]} paths */
function bounds(rects, paths) {
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x0); y0 = Math.min(y0, r.y0); x1 = Math.max(x1, r.x1); y1 = Math.max(y1, r.y1);
  }
  for (const path of paths) {
    for (const p of path) { x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y); }
  }
  return { x: Math.floor(x0 - MARGIN), y: Math.floor(y0 - MARGIN), width: Math.ceil(x1 - x0 + 2 * MARGIN), height: Math.ceil(y1 - y0 + 2 * MARGIN) };
}
