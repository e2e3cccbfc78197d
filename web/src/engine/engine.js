// @ts-check
// The JS face of the wasm engine: formulas in, reports out, in the same JSON shape as `./tutor grad`.
// It owns every Embind object it creates (callers never see one) and turns {"error": ...} replies into thrown
// FormulaErrors. No math here: every number comes from the engine. No DOM either: pages and widgets build on this.
import { nonFinite } from './json-reply.js';
import { readCapabilities } from './capabilities.js';

/**
 * @typedef {{id: number, op: string, symbol: string, name: string, latex: string, inputs: number[],
 *   value: number, grad: number|null, fanout: number, pattern: string, position: number}} GraphNode
 * @typedef {{node: number, op: string, inputs: number[], input_values: number[], value: number, latex: string, rule_latex: string}} ForwardStep
 * @typedef {{node: number, local: number, contribution: number, total: number, path: number, paths: number,
 *   rule_latex: string, latex: string, total_latex?: string}} BackwardEdge
 * @typedef {{node: number, kind: 'seed'|'chain', upstream: number, latex?: string, inputs: BackwardEdge[]}} BackwardStep
 * @typedef {{formula: string, value: number, grads: Record<string, number>, output: number, nodes: GraphNode[],
 *   forward: ForwardStep[], backward: BackwardStep[], warnings: {node: number, kind: string, message: string}[]}} Report
 * @typedef {Record<string, number|string>} Values  numbers, or numbers written as text ("-2", "1e-3")
 */

/** Bad input, as the engine reported it: `position` is the 0-based column in the formula, or null. */
export class FormulaError extends Error {
  /** @param {string} message @param {number|null} position */
  constructor(message, position) {
    super(message);
    this.name = 'FormulaError';
    this.position = position;
  }
}

// JSON has no NaN or infinity; the engine writes them as strings in these numeric fields only.
const NUMERIC_KEYS = new Set(['value', 'grad', 'local', 'contribution', 'total', 'upstream']);

/** @param {string} text */
function decode(text) {
  const reply = JSON.parse(text, function revive(key, value) {
    if (NUMERIC_KEYS.has(key)) return nonFinite(value);
    if (key === 'input_values') return value.map(nonFinite);
    if (key === 'grads') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nonFinite(v)]));
    return value;
  });
  if (reply.error) throw new FormulaError(reply.error.message, reply.error.position);
  return reply;
}

/**
 * Wraps an instantiated engine module (`createBackpropEngine()` or the formulas-only `createScalarEngine()`).
 * @param {import('./module').FormulaModule} Module
 */
export function wrapEngine(Module) {
  /** @type {Readonly<import('./capabilities.js').Capabilities> | undefined} */
  let capabilities;
  return {
    /**
     * Value, gradients and the step-by-step trace of `formula` at `values`.
     * @param {string} formula @param {Values} values @returns {Report}
     */
    grad(formula, values) {
      return decode(Module.grad(String(formula), JSON.stringify(values ?? {})));
    },

    /**
     * Parses once; `evaluate` can then run many times (a slider move). Call `dispose()` when done.
     * @param {string} formula
     */
    compile(formula) {
      const session = new Module.FormulaSession();
      let parsed;
      try {
        parsed = decode(session.parse(String(formula)));
      } catch (error) {
        session.delete();
        throw error;
      }
      let live = true;
      return {
        /** @type {string[]} variable names in order of first appearance */
        variables: parsed.variables,
        /** @param {Values} values @returns {Report} */
        evaluate(values) {
          if (!live) throw new Error('this formula was disposed');
          return decode(session.evaluate(JSON.stringify(values ?? {})));
        },
        dispose() {
          if (live) session.delete();
          live = false;
        },
      };
    },

    /**
     * Grades a typed answer (a number, or arithmetic like `2*1.1`) against the engine's `answer`: right within a
     * relative 1e-3 (absolute 1e-6 near zero). Text that is not a constant expression throws a FormulaError.
     * @param {string} guess @param {number} answer @returns {{correct: boolean, guess: number}}
     */
    checkAnswer(guess, answer) {
      return decode(Module.checkAnswer(String(guess), Number(answer)));
    },

    /**
     * Grades a typed gradient for one backward edge (upstream × local = contribution, added to `before`, the sum of
     * earlier paths, gives `total`) and, when wrong, names the slip it matches: "sign", "path" (this path alone),
     * "upstream" or "local" (one factor alone), or "none".
     * @param {string} guess @param {{upstream: number, local: number, contribution: number, before: number, total: number}} parts
     * @returns {{correct: boolean, guess: number, slip?: 'sign'|'path'|'upstream'|'local'|'none'}}
     */
    checkChainAnswer(guess, { upstream, local, contribution, before, total }) {
      return decode(Module.checkChainAnswer(String(guess), upstream, local, contribution, before, total));
    },

    /** What the engine offers (ops, activations, datasets, limits, ...), read once: see capabilities.js. */
    capabilities() {
      capabilities ??= readCapabilities(Module);
      return capabilities;
    },

    /** Bytes in use on the wasm heap (for leak checks). */
    heapBytesInUse() {
      return Module.heapBytesInUse();
    },
  };
}
