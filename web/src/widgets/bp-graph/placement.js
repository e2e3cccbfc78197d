// @ts-check
// The third stage: coordinates, in an abstract frame where `u` runs along the ranks (inputs to output) and `v`
// across them. Ranks sit one after another with the gaps the labels need. Across, each box is pulled towards the
// mean of the boxes it is wired to, rank by rank, while keeping its order and its distance from its neighbours:
// a least-squares fit under "at least this far apart" constraints, solved exactly by pool-adjacent-violators.

/**
 * @typedef {{before: number, after: number, lo: number, hi: number}} Extent
 *   how far a box (with its name and sum) reaches from its centre: along the ranks towards the inputs and towards
 *   the output, and across them on either side
 */

const SMOOTHING_PASSES = 8;

/**
 * Positions along the ranks: the line each rank's boxes are centred on, and how far the rank reaches either side.
 * @param {number[][]} layers @param {Extent[]} extents @param {number[]} gaps gap between rank r and r + 1
 * @param {number} margin @returns {{at: number[], before: number[], after: number[]}}
 */
export function rankPositions(layers, extents, gaps, margin) {
  const before = layers.map((layer) => Math.max(0, ...layer.map((i) => extents[i].before)));
  const after = layers.map((layer) => Math.max(0, ...layer.map((i) => extents[i].after)));
  const at = [];
  let u = margin;
  for (let r = 0; r < layers.length; r++) {
    at.push(u + before[r]);
    u += before[r] + after[r] + (gaps[r] ?? 0);
  }
  return { at, before, after };
}

/**
 * Closest positions to `want` (weighted) with x[k+1] - x[k] >= gap[k], and the first and last within [least,
 * most]: isotonic regression on x minus the running sum of the gaps, by pool-adjacent-violators; clamping that
 * solution to the common bounds is the bounded solution.
 * @param {number[]} want @param {number[]} weight @param {number[]} gap length want.length - 1
 * @param {number} [least] @param {number} [most]
 */
export function fitInOrder(want, weight, gap, least = -Infinity, most = Infinity) {
  const offset = [0];
  for (let k = 0; k < gap.length; k++) offset.push(offset[k] + gap[k]);
  /** @type {{sum: number, weight: number, count: number}[]} */
  const blocks = [];
  for (let k = 0; k < want.length; k++) {
    let block = { sum: (want[k] - offset[k]) * weight[k], weight: weight[k], count: 1 };
    while (blocks.length && blocks[blocks.length - 1].sum / blocks[blocks.length - 1].weight >= block.sum / block.weight) {
      const last = /** @type {{sum: number, weight: number, count: number}} */ (blocks.pop());
      block = { sum: last.sum + block.sum, weight: last.weight + block.weight, count: last.count + block.count };
    }
    blocks.push(block);
  }
  const top = most - offset[offset.length - 1];
  const x = [];
  for (const block of blocks) {
    const level = Math.min(Math.max(block.sum / block.weight, least), Math.max(least, top));
    for (let c = 0; c < block.count; c++) x.push(level + offset[x.length]);
  }
  return x;
}

/**
 * Positions across the ranks, for every instance, all within `width` if it is finite (or the widest rank, packed).
 * @param {number[][]} layers @param {Extent[]} extents @param {{inputs: number[][], outputs: number[][]}} links
 * @param {number} separation the least space between two boxes of a rank @param {number} margin @param {number} [width]
 */
export function crossPositions(layers, extents, { inputs, outputs }, separation, margin, width = Infinity) {
  const v = new Float64Array(extents.length);
  // Two wires crossing a rank side by side need less room between them than two boxes.
  const apart = (/** @type {number} */ a, /** @type {number} */ b) => (extents[a].before || extents[b].before ? separation : separation / 2);
  const gapsOf = (/** @type {number[]} */ layer) => layer.slice(1).map((i, k) => extents[layer[k]].hi + apart(layer[k], i) + extents[i].lo);
  const packed = (/** @type {number[]} */ layer) => gapsOf(layer).reduce((sum, g) => sum + g, 0) + (layer.length ? extents[layer[0]].lo + extents[layer[layer.length - 1]].hi : 0);
  const room = Math.max(width, ...layers.map(packed));
  // Start packed, each rank centred on the same line.
  for (const layer of layers) {
    const gaps = gapsOf(layer);
    const span = gaps.reduce((sum, g) => sum + g, 0);
    let at = -span / 2;
    layer.forEach((i, k) => { if (k > 0) at += gaps[k - 1]; v[i] = at; });
  }
  const bounded = Number.isFinite(room);
  const pull = (/** @type {number[]} */ layer) => {
    const want = [];
    const weight = [];
    for (const i of layer) {
      const linked = inputs[i].length + outputs[i].length;
      let sum = 0;
      for (const j of inputs[i]) sum += v[j];
      for (const j of outputs[i]) sum += v[j];
      want.push(linked ? sum / linked : v[i]);
      weight.push(linked || 0.5);
    }
    const least = bounded ? -room / 2 + extents[layer[0]].lo : -Infinity;
    const most = bounded ? room / 2 - extents[layer[layer.length - 1]].hi : Infinity;
    fitInOrder(want, weight, gapsOf(layer), least, most).forEach((x, k) => { v[layer[k]] = x; });
  };
  for (let pass = 0; pass < SMOOTHING_PASSES; pass++) {
    if (pass % 2 === 0) for (const layer of layers) pull(layer);
    else for (let r = layers.length - 1; r >= 0; r--) pull(layers[r]);
  }
  let least = Infinity;
  for (let i = 0; i < v.length; i++) least = Math.min(least, v[i] - extents[i].lo);
  for (let i = 0; i < v.length; i++) v[i] += margin - least;
  return v;
}
