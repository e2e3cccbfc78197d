// @ts-check
// The stepper's one timeline: every forward step of the engine's trace, then every backward step (the seed
// ∂f/∂f = 1 first). `stateAt(n)` replays the first n steps into what the drawing shows: which values and which
// gradients are known, and each wire's contribution. A replay of the engine's numbers, never a computation.

/** @typedef {import('../../engine/engine.js').Report} Report */
/** @typedef {import('../../engine/engine.js').ForwardStep} ForwardStep */
/** @typedef {import('../../engine/engine.js').BackwardStep} BackwardStep */
/** @typedef {{kind: 'forward', node: number, forward: ForwardStep} | {kind: 'backward', node: number, backward: BackwardStep}} Step */
/**
 * @typedef {object} StepState
 * @property {Set<number>} known              nodes whose value is shown
 * @property {Map<number, number>} grad       each node's gradient so far (running total)
 * @property {Map<number, number>} pathsIn    how many of a node's paths have reported
 * @property {Map<string, number>} wireGrad   the contribution carried back along a wire, keyed by wireKey
 * @property {Step | null} current            the step just taken (highlighted), null at the start
 */

/** The key of the wire that carries input slot `slot` of `node`. @param {number} node @param {number} slot */
export const wireKey = (node, slot) => `${node}:${slot}`;

/** The steps of a report in the order the stepper shows them. @param {Report} report @returns {Step[]} */
export function stepsOf(report) {
  return [
    ...report.forward.map((forward) => /** @type {Step} */ ({ kind: 'forward', node: forward.node, forward })),
    ...report.backward.map((backward) => /** @type {Step} */ ({ kind: 'backward', node: backward.node, backward })),
  ];
}

/**
 * Which input slot of `node` each backward edge of its step belongs to. The engine lists a step's edges in slot
 * order, once per slot, so the k-th differentiated edge is the k-th slot whose input carries a gradient.
 * @param {Report} report @param {BackwardStep} step @returns {number[]}
 */
export function edgeSlots(report, step) {
  const inputs = report.nodes[step.node].inputs;
  const slots = [];
  let edge = 0;
  for (let slot = 0; slot < inputs.length && edge < step.inputs.length; slot++) {
    if (inputs[slot] === step.inputs[edge].node && report.nodes[inputs[slot]].grad !== null) {
      slots.push(slot);
      edge++;
    }
  }
  return slots;
}

/** What is shown after the first `n` steps. @param {Report} report @param {Step[]} steps @param {number} n @returns {StepState} */
export function stateAt(report, steps, n) {
  /** @type {StepState} */
  const state = { known: new Set(), grad: new Map(), pathsIn: new Map(), wireGrad: new Map(), current: null };
  for (const node of report.nodes) if (node.inputs.length === 0) state.known.add(node.id);
  for (const step of steps.slice(0, n)) {
    state.current = step;
    if (step.kind === 'forward') {
      state.known.add(step.node);
    } else if (step.backward.kind === 'seed') {
      state.grad.set(step.node, step.backward.upstream);
    } else {
      const slots = edgeSlots(report, step.backward);
      step.backward.inputs.forEach((edge, i) => {
        state.grad.set(edge.node, edge.total);
        state.pathsIn.set(edge.node, edge.path);
        state.wireGrad.set(wireKey(step.node, slots[i]), edge.contribution);
      });
    }
  }
  return state;
}

/**
 * Where a lesson says the graph stands, as the number of steps taken: a step number; `start`; `forward` (the
 * forward pass done); `backward:NAME` (the step that completes ∂f/∂NAME, NAME a variable or a named node); `end`.
 * Returns null for text that names no such place (the caller reports it).
 * @param {Report} report @param {Step[]} steps @param {string} text
 */
export function positionOf(report, steps, text) {
  const place = text.trim();
  if (/^\d+$/.test(place)) return Math.min(Number(place), steps.length);
  if (place === 'start' || place === '') return 0;
  if (place === 'end' || place === 'all') return steps.length;
  if (place === 'forward') return report.forward.length;
  const name = /^backward:(.+)$/.exec(place)?.[1].trim();
  if (name === undefined) return null;
  const node = report.nodes.find((candidate) => candidate.name === name);
  if (!node) return null;
  // The last backward step that sends a contribution to the node (or seeds it, for the output): after it, the
  // node's gradient is whole.
  const completes = (/** @type {Step} */ step) => step.kind === 'backward' &&
    (step.backward.inputs.some((edge) => edge.node === node.id) || (step.backward.kind === 'seed' && step.node === node.id));
  const last = steps.findLastIndex(completes);
  return last < 0 ? null : last + 1;
}
