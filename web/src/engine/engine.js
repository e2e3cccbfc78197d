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
 *
 * The lesson math (src/core/lesson/, shapes in src/core/wire/lesson_math_wire.hpp):
 * @typedef {{logits: number[], target: number, max: number, log_sum_exp: number, probabilities: number[],
 *   loss: number, grads: number[], jacobian: number[][]}} SoftmaxReport
 *   softmax with cross-entropy: ŷ = probabilities, loss −log ŷ_target by log-sum-exp, grads ŷ − y (y one-hot),
 *   jacobian[j][i] = ∂ŷ_j/∂z_i
 * @typedef {{params: Record<string, number>, grads: Record<string, number>, loss: number,
 *   next: Record<string, number>}} DescentState  a point of the run and its next parameters, w − η ∂L/∂w
 * @typedef {{formula: string, params: string[], rate: number, steps: DescentState[], diverged: boolean}} DescentRun
 *   steps[0] is the start, steps[k] the point after k steps; diverged: a step was refused because its numbers
 *   would not be finite (the run ends at the last finite state)
 * @typedef {{param: string, numeric: number, analytic: number, gap: number, relative: number, ok: boolean}} GradcheckRow
 *   numeric (f(w+h) − f(w−h))/2h, analytic backprop's, gap |a − n|, relative |a − n|/max(|a|, |n|), ok below threshold
 * @typedef {{formula: string, h: number, rows: GradcheckRow[], numeric_evaluations: number, backprop_passes: number,
 *   threshold: number, ok: boolean}} GradcheckReport
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

// The lesson replies' numeric fields: leaves, and containers whose every number may be a non-finite string.
const LESSON_NUMBERS = new Set(['max', 'log_sum_exp', 'loss', 'rate', 'h', 'numeric', 'analytic', 'gap', 'relative']);
const LESSON_NUMBER_TREES = new Set(['logits', 'probabilities', 'grads', 'jacobian', 'params', 'next']);

/** @param {unknown} value @returns {unknown} */
const reviveTree = (value) => (Array.isArray(value) ? value.map(reviveTree)
  : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveTree(v)]))
    : nonFinite(value));

/** A lesson-math reply (names stay text: only the numeric fields are revived). @param {string} text */
function decodeLesson(text) {
  const reply = JSON.parse(text, function revive(key, value) {
    // A descent run's "params" is also the list of names (at the top): only the per-state maps hold numbers.
    if (key === 'params' && Array.isArray(value)) return value;
    if (LESSON_NUMBERS.has(key)) return nonFinite(value);
    if (LESSON_NUMBER_TREES.has(key)) return reviveTree(value);
    return value;
  });
  if (reply.error) throw new FormulaError(reply.error.message, null);
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

    /**
     * Softmax with cross-entropy for one sample, computed with the max shift and log-sum-exp, so any finite logits
     * give finite numbers. Logits as numbers or text; their count within capabilities().limits.softmax.
     * @param {(number|string)[]} logits @param {number} target the true class, counted from 0 @returns {SoftmaxReport}
     */
    softmax(logits, target) {
      return decodeLesson(Module.softmax(JSON.stringify({ logits, target })));
    },

    /**
     * Gradient descent on `formula` from `values`, updating `params` by w − η ∂f/∂w `steps` times (0: the start
     * alone; at most capabilities().limits.descent.max_steps). Throws a FormulaError for a rate that is not positive.
     * @param {{formula: string, values: Values, params: string[], rate: number|string, steps?: number}} run
     * @returns {DescentRun}
     */
    descent({ formula, values, params, rate, steps = 0 }) {
      return decodeLesson(Module.descent(JSON.stringify({ formula: String(formula), values: values ?? {}, params, rate, steps })));
    },

    /**
     * The central difference (f(w+h) − f(w−h))/2h of `formula` for each of `params`, beside backprop's gradient,
     * with their relative error and the engine's verdict (relative < threshold). h must be a positive number.
     * @param {{formula: string, values: Values, params: string[], h: number|string}} check @returns {GradcheckReport}
     */
    gradcheck({ formula, values, params, h }) {
      return decodeLesson(Module.gradcheck(JSON.stringify({ formula: String(formula), values: values ?? {}, params, h })));
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
