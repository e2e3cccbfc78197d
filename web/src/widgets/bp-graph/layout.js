// @ts-check
// Lays the engine's graph out left to right with dagre (inputs on the left, the output on the right), leaving room
// on every wire for its two labels: the value above, the gradient below. A small terminal after the output carries
// the output's own wire (its value, and the seed gradient 1). Pixel geometry only.
import dagre from '@dagrejs/dagre';

/** @typedef {import('../../engine/engine.js').Report} Report */
/** @typedef {{x: number, y: number}} Point */
/** @typedef {{id: number, x: number, y: number, width: number, height: number, shape: 'leaf'|'const'|'op'}} NodeBox */
/** @typedef {{node: number, slot: number, from: number, points: Point[], label: Point}} Wire  slot `slot` of `node` */
/** @typedef {{nodes: NodeBox[], wires: Wire[], out: {points: Point[], label: Point}, width: number, height: number}} Layout */

const OP_SIZE = 46;          // diameter of an operation's circle
const CHAR_WIDTH = 8.5;      // a rough width of one label character at the drawing's font size
const LABEL = { width: 74, height: 40 };  // room on a wire for "value" above and "gradient" below
const MARGIN = 16;
const OUT = 'out';
// Above this many nodes dagre skips its crossing-reduction sweeps: on a 300-node formula they took more than half
// of the layout time, and dagre's first ordering (depth-first from the inputs) already suits expression graphs.
const FULL_ORDERING_MAX_NODES = 120;

/** Width of a box that fits `text`. @param {string} text */
const fit = (text) => Math.max(40, Math.ceil(text.length * CHAR_WIDTH) + 18);

/** @param {Report} report @returns {Layout} */
export function layoutGraph(report) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 22, ranksep: 36, edgesep: 14, marginx: MARGIN, marginy: MARGIN });
  for (const node of report.nodes) {
    const shape = node.inputs.length ? 'op' : node.op === 'const' ? 'const' : 'leaf';
    const width = shape === 'op' ? Math.max(OP_SIZE, fit(node.symbol)) : fit(node.symbol);
    g.setNode(String(node.id), { width, height: shape === 'op' ? OP_SIZE : 32, shape });
  }
  g.setNode(OUT, { width: 2, height: 2 });
  for (const node of report.nodes) {
    node.inputs.forEach((input, slot) =>
      g.setEdge(String(input), String(node.id), { ...LABEL, labelpos: 'c' }, `${node.id}:${slot}`));
  }
  g.setEdge(String(report.output), OUT, { ...LABEL, labelpos: 'c' }, OUT);
  dagre.layout(g, { disableOptimalOrderHeuristic: report.nodes.length > FULL_ORDERING_MAX_NODES });

  const nodes = report.nodes.map((node) => {
    const box = g.node(String(node.id));
    return { id: node.id, x: box.x, y: box.y, width: box.width, height: box.height, shape: box.shape };
  });
  /** @type {Wire[]} */
  const wires = [];
  for (const node of report.nodes) {
    node.inputs.forEach((input, slot) => {
      const edge = g.edge(String(input), String(node.id), `${node.id}:${slot}`);
      wires.push({ node: node.id, slot, from: input, points: edge.points, label: { x: edge.x, y: edge.y } });
    });
  }
  const outEdge = g.edge(String(report.output), OUT, OUT);
  const size = g.graph();
  return {
    nodes, wires, out: { points: outEdge.points, label: { x: outEdge.x, y: outEdge.y } },
    width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0),
  };
}
