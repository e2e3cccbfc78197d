// @ts-check
// The first stage of the expression-graph layout: which column (rank) each node goes in, and which leaves are drawn
// more than once. Operations go as late as they can (rank = depth minus the longest path to the output), so a
// term of a long sum sits next to the "+" that uses it. A leaf (input or constant) sits just before its consumer;
// when its consumers are ranks apart it is drawn again near each of them instead of trailing a long wire.

/** @typedef {import('../../engine/engine.js').Report} Report */
/**
 * @typedef {{id: number, copy: boolean, rank: number, shape: 'op'|'leaf'|'const'|'bend'}} Instance
 *   one drawn box: node `id` of the report; `copy` for the second and later drawings of a leaf; a 'bend' is no
 *   box but the point where a wire crosses a rank it skips (id -1)
 * @typedef {{from: number, to: number, node: number, slot: number, via: number[]}} Edge
 *   a wire from instance `from` to instance `to`, carrying input `slot` of report node `node`, through the bends
 *   `via` (one per rank it skips, if the graph has them)
 * @typedef {{instances: Instance[], edges: Edge[], rankCount: number, output: number, ofNode: number[]}} LayeredGraph
 *   `output` and `ofNode[id]` are instance indexes (ofNode: the first drawing of each node)
 */

// A leaf drawn at rank q also serves consumers at rank q + 2: its wire then passes one column, which the router
// can steer between that column's boxes. Further away, a copy is cheaper than a wire across the drawing.
const SHARED_REACH = 2;

/** Report node ids in an order where every input comes before its consumers (Kahn). @param {Report} report */
function inputsFirst(report) {
  const waiting = report.nodes.map((node) => node.inputs.length);
  const consumers = report.nodes.map(() => /** @type {number[]} */ ([]));
  for (const node of report.nodes) for (const input of node.inputs) consumers[input].push(node.id);
  const order = report.nodes.filter((node) => node.inputs.length === 0).map((node) => node.id);
  for (let i = 0; i < order.length; i++) {
    for (const consumer of consumers[order[i]]) if (--waiting[consumer] === 0) order.push(consumer);
  }
  return { order, consumers };
}

/** @param {Report} report @returns {LayeredGraph} */
export function layeredGraph(report) {
  const { order, consumers } = inputsFirst(report);
  // The longest path from each node to the output, consumers first.
  const height = new Array(report.nodes.length).fill(0);
  for (let i = order.length - 1; i >= 0; i--) {
    for (const consumer of consumers[order[i]]) height[order[i]] = Math.max(height[order[i]], height[consumer] + 1);
  }
  const isLeaf = (/** @type {number} */ id) => report.nodes[id].inputs.length === 0;
  let depth = 0;
  for (const node of report.nodes) if (!isLeaf(node.id)) depth = Math.max(depth, height[node.id]);
  const opRank = (/** @type {number} */ id) => depth + 1 - height[id];  // rank 0 is left for leaves

  /** @type {Instance[]} */
  const instances = [];
  const ofNode = new Array(report.nodes.length).fill(-1);
  /** Per leaf: the instance that serves each consumer rank. @type {Map<number, Map<number, number>>} */
  const leafAt = new Map();
  for (const id of order) {
    const node = report.nodes[id];
    if (!isLeaf(id)) {
      ofNode[id] = instances.push({ id, copy: false, rank: opRank(id), shape: 'op' }) - 1;
      continue;
    }
    const shape = node.op === 'const' ? 'const' : 'leaf';
    const ranks = [...new Set(consumers[id].map(opRank))].sort((a, b) => a - b);
    if (ranks.length === 0) ranks.push(1);  // a formula that is just a leaf
    /** @type {Map<number, number>} */
    const serving = new Map();
    let current = -1;
    let at = -Infinity;
    for (const rank of ranks) {
      if (rank - at > SHARED_REACH) {
        at = rank - 1;
        current = instances.push({ id, copy: current !== -1, rank: at, shape }) - 1;
        if (ofNode[id] === -1) ofNode[id] = current;
      }
      serving.set(rank, current);
    }
    leafAt.set(id, serving);
  }
  /** @type {Edge[]} */
  const edges = [];
  for (const id of order) {
    if (isLeaf(id)) continue;
    const to = ofNode[id];
    report.nodes[id].inputs.forEach((input, slot) => {
      const from = isLeaf(input) ? /** @type {number} */ (leafAt.get(input)?.get(opRank(id))) : ofNode[input];
      edges.push({ from, to, node: id, slot, via: [] });
    });
  }
  const rankCount = Math.max(...instances.map((instance) => instance.rank)) + 1;
  return { instances, edges, rankCount, output: ofNode[report.output], ofNode };
}

/**
 * Gives every wire that skips ranks a bend in each rank it skips, so ordering and placement make room for it there
 * (the classic layered-layout dummy nodes). Only for small graphs: on a big one wires bend around boxes when
 * routed instead (wires.js), which costs nothing up front.
 * @param {LayeredGraph} graph
 */
export function addBends(graph) {
  for (const edge of graph.edges) {
    edge.via = [];
    for (let r = graph.instances[edge.from].rank + 1; r < graph.instances[edge.to].rank; r++) {
      edge.via.push(graph.instances.push({ id: -1, copy: false, rank: r, shape: 'bend' }) - 1);
    }
  }
}
