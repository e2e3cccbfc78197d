// @ts-check
// The tensor stepper's timeline: the engine's step trace (every forward op, then every backward op) read back as
// the network's nodes, each with its shape, the op that makes it, and the step at which its value and its
// gradient become known; `positionOf` turns the `at` attribute into a step count. A replay of the engine's
// numbers: nothing here computes one.

/** @typedef {import('../../engine/network.js').Step} Step */
/** @typedef {import('../../engine/network.js').StepMatrix} StepMatrix */
/**
 * @typedef {object} TensorNode
 * @property {string} name         "W1": the trace's plain name
 * @property {string} latex        "W^{(1)}"
 * @property {string} op           the op that makes it, or "input" / "parameter" for a leaf
 * @property {number[]} shape      [rows, columns]: rows are the batch's examples (a kernel's: output channels)
 * @property {number[] | undefined} grid  [channels, height, width] when each row is an image
 * @property {number} valueAt      steps after which the value is known (0: given)
 * @property {number} gradAt       steps after which the gradient is known (Infinity: it has none)
 * @property {StepMatrix | undefined} value
 * @property {StepMatrix | undefined} grad
 */

/** The nodes in the order the forward pass first meets them. @param {Step[]} steps @returns {TensorNode[]} */
export function nodesOf(steps) {
  /** @type {Map<string, TensorNode>} */
  const nodes = new Map();
  const made = new Map(steps.filter((s) => s.phase === 'forward').map((s, i) => [s.node, { op: s.op, at: i + 1 }]));
  steps.forEach((step, index) => {
    for (const m of step.matrices) {
      const name = m.kind === 'grad' ? m.name.slice(1) : m.name;
      let node = nodes.get(name);
      if (!node) {
        const maker = made.get(name);
        node = { name, latex: m.kind === 'grad' ? m.latex.slice(1) : m.latex, op: maker?.op ?? 'input', shape: m.shape,
          grid: m.grid, valueAt: maker?.at ?? 0, gradAt: Infinity, value: undefined, grad: undefined };
        nodes.set(name, node);
      }
      if (m.kind === 'value') node.value ??= m;
      else if (!node.grad) {
        node.grad = m;
        // The upstream gradient of a step was made before it; a contribution is made by it.
        const upstream = m.name === `d${step.node}`;
        node.gradAt = upstream ? index : index + 1;
      }
    }
  });
  for (const node of nodes.values()) if (node.op === 'input' && node.grad) node.op = 'parameter';
  return [...nodes.values()];
}

/**
 * The step count `at` names: start, forward (the forward pass done), backward:NAME (NAME's gradient just
 * known), end, or a number; null for a place this trace does not have.
 * @param {Step[]} steps @param {TensorNode[]} nodes @param {string} text
 */
export function positionOf(steps, nodes, text) {
  const place = text.trim();
  if (/^\d+$/.test(place)) return Math.min(Number(place), steps.length);
  if (place === 'start' || place === '') return 0;
  if (place === 'end' || place === 'all') return steps.length;
  if (place === 'forward') return steps.filter((s) => s.phase === 'forward').length;
  const name = /^backward:(.+)$/.exec(place)?.[1].trim();
  const node = nodes.find((n) => n.name === name);
  return node && Number.isFinite(node.gradAt) ? node.gradAt : null;
}

/** The entries of a matrix as the comma list the data attributes carry (row-major). @param {StepMatrix} m */
export const commaList = (m) => m.rows.flat().join(',');

/** "4x3", the shape as data-shape writes it. @param {number[]} shape */
export const shapeText = (shape) => shape.join('x');
