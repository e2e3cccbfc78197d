// @ts-check
// What the stepper says about one step: the equations to render (the engine's LaTeX, numbers substituted), the
// gate pattern and fan-out notes, and one sentence for the screen-reader narration. Words and engine numbers only.
import { formatNumber } from '../lesson-kit/format.js';

/** @typedef {import('../../engine/engine.js').Report} Report */
/** @typedef {import('./timeline.js').Step} Step */
/** @typedef {(key: string, params?: Record<string, string|number>) => string} Say */
/** @typedef {{equations: string[], notes: string[], narration: string}} Description */

const num = (/** @type {number} */ value) => formatNumber(value, 4);

/** The op's name in words ("Multiply"). @param {Say} say @param {string} op */
export const opName = (say, op) => say(`graph.op.${op}`);

/** @param {Report} report @param {Step} step @param {Say} say @returns {Description} */
export function describeStep(report, step, say) {
  const node = report.nodes[step.node];
  const out = report.nodes[report.output].name;
  if (step.kind === 'forward') {
    const inputs = step.forward.input_values.map(num).join(', ');
    return {
      equations: [step.forward.latex],
      notes: [],
      narration: say('graph.say.forward', { op: opName(say, node.op), name: node.name, inputs, value: num(node.value) }),
    };
  }
  const backward = step.backward;
  if (backward.kind === 'seed') {
    return { equations: [backward.latex ?? ''], notes: [], narration: say('graph.say.seed', { name: node.name }) };
  }
  /** @type {string[]} */
  const equations = [];
  const notes = [];
  if (node.pattern) notes.push(say(`graph.pattern.${node.pattern}`));
  const sentences = backward.inputs.map((edge) => {
    const input = report.nodes[edge.node];
    equations.push(edge.rule_latex, edge.latex);
    if (edge.total_latex) equations.push(edge.total_latex);
    if (edge.paths > 1) {
      notes.push(edge.path < edge.paths
        ? say('graph.pattern.fanout', { name: input.name, paths: edge.paths, out })
        : say('graph.pattern.fanoutDone', { name: input.name, paths: edge.paths }));
    }
    const params = {
      op: opName(say, node.op), node: node.name, upstream: num(backward.upstream), local: num(edge.local),
      contribution: num(edge.contribution), input: input.name, total: num(edge.total),
    };
    return say(edge.paths > 1 ? 'graph.say.edgeTotal' : 'graph.say.edge', params);
  });
  return { equations, notes: [...new Set(notes)], narration: sentences.join(' ') };
}
