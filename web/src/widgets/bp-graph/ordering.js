// @ts-check
// The second stage: the order of the boxes within each rank, to keep wires from crossing. It starts from a
// depth-first walk back from the output (inputs in slot order, so a formula's first operand comes first and a
// tree has no crossing at all), then runs a few barycentre sweeps, keeping an order only if it crosses less.
// Crossings are counted between neighbouring ranks: a wire that skips ranks counts only where it has bends.

/** @typedef {import('./ranks.js').LayeredGraph} LayeredGraph */

const SWEEPS = 4;

/** Each instance's inputs (in slot order) and consumers. @param {LayeredGraph} graph */
export function neighbours(graph) {
  const inputs = graph.instances.map(() => /** @type {number[]} */ ([]));
  const outputs = graph.instances.map(() => /** @type {number[]} */ ([]));
  for (const edge of graph.edges) {
    const chain = [edge.from, ...edge.via, edge.to];
    for (let k = 0; k + 1 < chain.length; k++) {
      inputs[chain[k + 1]].push(chain[k]);
      outputs[chain[k]].push(chain[k + 1]);
    }
  }
  return { inputs, outputs };
}

/** The first order: a depth-first walk from the output over inputs in slot order. @param {LayeredGraph} graph @param {number[][]} inputs */
export function walkOrder(graph, inputs) {
  const layers = Array.from({ length: graph.rankCount }, () => /** @type {number[]} */ ([]));
  const seen = new Uint8Array(graph.instances.length);
  const visit = (/** @type {number} */ start) => {
    const stack = [start];
    while (stack.length) {
      const i = /** @type {number} */ (stack.pop());
      if (seen[i]) continue;
      seen[i] = 1;
      layers[graph.instances[i].rank].push(i);
      for (let k = inputs[i].length - 1; k >= 0; k--) stack.push(inputs[i][k]);
    }
  };
  visit(graph.output);
  graph.instances.forEach((_, i) => visit(i));  // anything the output does not reach (nothing, for a formula)
  return layers;
}

/** Crossings between the wires of rank r and rank r + 1, by counting inversions (insertion into a Fenwick tree). */
function crossingsBetween(/** @type {number[]} */ upper, /** @type {number[]} */ lower, /** @type {number[][]} */ outputs, /** @type {Int32Array} */ position, /** @type {Int32Array} */ rankOf) {
  const pairs = [];
  for (const from of upper) {
    for (const to of outputs[from]) if (rankOf[to] === rankOf[from] + 1) pairs.push(position[from] * lower.length + position[to]);
  }
  pairs.sort((a, b) => a - b);
  const tree = new Int32Array(lower.length + 1);
  let crossings = 0;
  for (let k = 0; k < pairs.length; k++) {
    const target = pairs[k] % lower.length;
    // wires already inserted that end further along cross this one
    let below = 0;
    for (let i = target + 1; i > 0; i -= i & -i) below += tree[i];
    crossings += k - below;
    for (let i = target + 1; i <= lower.length; i += i & -i) tree[i]++;
  }
  return crossings;
}

/**
 * Orders each rank. Returns the layers (instance indexes, first to last) and each instance's position in its layer.
 * @param {LayeredGraph} graph @param {{inputs: number[][], outputs: number[][]}} links
 */
export function orderLayers(graph, { inputs, outputs }) {
  let layers = walkOrder(graph, inputs);
  const position = new Int32Array(graph.instances.length);
  const rankOf = Int32Array.from(graph.instances, (instance) => instance.rank);
  const index = () => layers.forEach((layer) => layer.forEach((i, k) => { position[i] = k; }));
  const count = () => {
    let total = 0;
    for (let r = 0; r + 1 < layers.length; r++) total += crossingsBetween(layers[r], layers[r + 1], outputs, position, rankOf);
    return total;
  };
  index();
  let best = layers.map((layer) => layer.slice());
  let fewest = count();
  // Sorts one layer by the mean position of its neighbours; boxes without neighbours that way keep their places.
  const sortBy = (/** @type {number[]} */ layer, /** @type {number[][]} */ links) => {
    const movable = layer.filter((i) => links[i].length > 0);
    const key = new Map(movable.map((i) => [i, links[i].reduce((sum, j) => sum + position[j], 0) / links[i].length]));
    movable.sort((a, b) => /** @type {number} */ (key.get(a)) - /** @type {number} */ (key.get(b)) || position[a] - position[b]);
    let next = 0;
    const sorted = layer.map((i) => (links[i].length > 0 ? movable[next++] : i));
    sorted.forEach((i, k) => { position[i] = k; });
    return sorted;
  };
  for (let sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
    for (let r = 1; r < layers.length; r++) layers[r] = sortBy(layers[r], inputs);
    for (let r = layers.length - 2; r >= 0; r--) layers[r] = sortBy(layers[r], outputs);
    const crossings = count();
    if (crossings < fewest) {
      fewest = crossings;
      best = layers.map((layer) => layer.slice());
    }
  }
  layers = best;
  index();
  return { layers, position, crossings: fewest };
}
