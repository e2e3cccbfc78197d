// @ts-check
// Top to bottom on a narrow screen, one rank can hold more boxes than the width has room for (six products of
// leaves, or four long names). This splits such a rank into two to four staggered rows, each box keeping its
// reading order, so the drawing grows down (which a page scrolls) instead of sideways (which it must not).
// It only moves boxes to new rows just before their own: every input stays above, every consumer below.

/** @typedef {import('./ranks.js').LayeredGraph} LayeredGraph */

const MAX_ROWS = 4;

/**
 * Splits every rank wider than `budget` (widths from `widthOf`, `separation` between boxes) into staggered rows.
 * `order` is the reading order of the instances (a walk from the output); it decides who goes to which row.
 * @param {LayeredGraph} graph @param {(i: number) => number} widthOf @param {number} budget @param {number} separation
 * @param {number[][]} order the instances of each rank in reading order
 * @returns {boolean} whether any rank was split
 */
export function narrow(graph, widthOf, budget, separation, order) {
  let split = false;
  for (const instance of graph.instances) instance.rank *= MAX_ROWS;
  for (const layer of order) {
    const width = layer.reduce((sum, i) => sum + widthOf(i), 0) + separation * (layer.length - 1);
    const rows = Math.min(MAX_ROWS, layer.length, Math.ceil(width / budget));
    if (rows < 2) continue;
    split = true;
    // Round-robin from the bottom row up: neighbours in reading order land on different rows.
    layer.forEach((i, k) => { graph.instances[i].rank -= k % rows; });
  }
  // Renumber the ranks in use as 0, 1, 2, ...
  const used = [...new Set(graph.instances.map((instance) => instance.rank))].sort((a, b) => a - b);
  const renumber = new Map(used.map((rank, k) => [rank, k]));
  for (const instance of graph.instances) instance.rank = /** @type {number} */ (renumber.get(instance.rank));
  graph.rankCount = used.length;
  return split;
}
