// @ts-check
// One entry of a tensor-stepper report, by the name a lesson writes (shared by <bp-num net=…>, the build-time
// renderer and the lesson tests): "L", "dW1[2,3]", "db1[1,2]", "P[4,1]" — a trace matrix's name and a 1-based
// (row, column), as the text's $dW^{(1)}_{23}$ counts; a pixel grid (a conv or pool layer's [C, H, W] per example,
// or a kernel's [Cin, kh, kw] per output channel) takes four: "dA1[1,2,3,4]" = example 1, channel 2, row 3,
// column 4; "grad_norms[1,l]" is layer l's gradient norm ‖dW‖. Selection only: every number is the engine's.

/** @typedef {import('../../engine/network.js').NetworkReport} NetworkReport */

/** The spec a `net` attribute names: a whole spec (its layers an array), or the choices of the engine's seeded example. */
export function specOfNet(/** @type {any} */ net, /** @type {{example: (c: object) => object}} */ network) {
  return Array.isArray(net?.layers) ? net : network.example(net);
}

/** report, "dW1[2,3]" -> that entry; a name alone must be 1×1 (the loss L). @param {NetworkReport} report @param {string} show */
export function pickEntry(report, show) {
  const match = /^\s*(\w+)\s*(?:\[([\d\s,]+)\])?\s*$/.exec(show);
  if (!match) throw new Error(`"${show}" is not NAME, NAME[row,col] or NAME[n,c,i,j]`);
  const name = match[1];
  const index = match[2] === undefined ? [1, 1] : match[2].split(',').map(Number);
  /** @type {Map<string, {rows: number[][], grid?: number[]}>} */
  const matrices = new Map();
  for (const step of report.steps) for (const m of step.matrices) matrices.set(m.name, m);
  if (report.probs) matrices.set('P', { rows: report.probs });
  // The per-layer weight-gradient norms, as one row: grad_norms[1,l] is layer l's ‖dW‖.
  if (report.grad_norms) matrices.set('grad_norms', { rows: /** @type {number[][]} */ ([report.grad_norms]) });
  const found = matrices.get(name);
  if (!found) throw new Error(`no matrix "${name}" in the trace (it has ${[...matrices.keys()].join(', ')})`);
  const { rows, grid } = found;
  if (match[2] === undefined && (rows.length !== 1 || rows[0].length !== 1)) throw new Error(`${name} is not 1×1: say which entry, ${name}[row,col]`);
  if (index.length !== 2 && !(index.length === 4 && grid)) throw new Error(`${name}[${index}]: give [row,col]${grid ? ' or [n,c,i,j]' : ''}`);
  if (index.length === 4 && grid && index.slice(1).some((k, axis) => k < 1 || k > grid[axis])) throw new Error(`${name}[${index}]: outside its ${grid.join('×')} grid`);
  // A grid row is its channels one after another, each row-major: (c, i, j) is column (c·H + i)·W + j, 0-based.
  const col = index.length === 4 && grid ? ((index[1] - 1) * grid[1] + (index[2] - 1)) * grid[2] + index[3] : index[1];
  const value = rows[index[0] - 1]?.[col - 1];
  if (value === undefined) throw new Error(`${name} has no entry [${index}]: it is ${rows.length}×${rows[0]?.length ?? 0}${grid ? ` (${grid.join('×')} per row)` : ''}`);
  if (value === null) throw new Error(`${name}[${index}]: that layer has no weights (a pooling layer)`);
  return value;
}
