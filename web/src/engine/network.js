// @ts-check
// The JS face of the network binding (src/bindings/network_bindings.cpp): a network given in full (weights,
// inputs, targets, loss) in, the engine's forward values, loss, per-weight gradients and updated weights out, in
// the JSON shape of `./tutor mlp`, with its step trace (`steps`). No Embind objects are created (one function
// call), so nothing needs disposing.
// No math and no DOM here.
import { parseReply } from './json-reply.js';

/**
 * @typedef {{W: number[][], b: number[], activation?: string}} LayerSpec
 *   W is (in, out): W[i][j] is the weight from input i to unit j; activation: a name from capabilities().activations
 * @typedef {{type: 'conv2d', K: number[][][][], b: number[], stride?: number, padding?: number, activation?: string}
 *   | {type: 'max_pool2d'|'avg_pool2d', size?: number, stride?: number}} GridLayerSpec
 *   K[out channel][in channel][row][column]; pooling stride defaults to its size
 * @typedef {{layers: LayerSpec[], loss: string, x: number[][], y: number[][]|number[],
 *   optimizer: {type: string, lr: number}}} NetworkSpec
 *   loss: a name from capabilities().losses; optimizer.type one from capabilities().optimizers. Sizes are bounded
 *   by capabilities().limits.network (a network small enough to draw every weight)
 * @typedef {Omit<NetworkSpec, 'layers'> & {input_shape: number[], layers: (LayerSpec|GridLayerSpec)[]}} GridNetworkSpec
 *   input_shape [channels, height, width]: each row of x is one such grid, channel by channel, row-major; a grid
 *   spec has only the engine's limits (src/core/nn/spec_data.hpp), not the drawing limits
 * @typedef {{z: number[][], a: number[][], dz: number[][], da: number[][]}} LayerTrace  one row per sample
 * @typedef {{latex: string, shape: number[]}} RuleFactor  one factor of a rule; factors[0] is its left-hand side
 * @typedef {{key: string, params: Record<string, string>}} RuleNote  a side note by key (src/core/tensor/note.hpp):
 *   its template per language is in web/src/i18n/tensor.js ENGINE_NOTES, params are LaTeX for its $names
 * @typedef {{target: string, latex: string, factors: RuleFactor[], shapes_latex: string, shapes_under: string,
 *   substituted: string|null, where?: string, note?: RuleNote}} StepRule  a matrix-form rule: with names, with
 *   shapes (in place, or under each factor), with numbers (when ≤ 4×4); `where` is the note in English LaTeX
 * @typedef {{name: string, latex: string, kind: 'value'|'grad', shape: number[], grid?: number[], rows: number[][]}} StepMatrix
 * @typedef {{phase: 'forward'|'backward', op: string, node: string, latex: string, shape: number[], grid?: number[],
 *   activation?: string, inputs: {name: string, latex: string, shape: number[]}[], matrices: StepMatrix[],
 *   rules: StepRule[], routing?: number[][], conv?: object, softmax?: {P: number[][], Y: number[][]}}} Step
 *   one op of the step trace (src/core/tensor/step_trace.hpp, written by src/core/wire/tensor.cpp)
 * @typedef {{outputs: number[][], loss: number, grads: {W: number[][], b: number[], K?: number[][][][]}[],
 *   updated: {W: number[][], b: number[], K?: number[][][][]}[], loss_after: number, trace: LayerTrace[],
 *   probs?: number[][], steps: Step[], grad_norms: (number|null)[]}} NetworkReport  (a conv2d layer has K instead
 *   of W, a pooling layer neither; grad_norms: each layer's ‖dW‖ (or ‖dK‖), null for a pooling layer)
 */

/** A bad spec or one over the widget's size limits, as the engine reported it. */
export class NetworkError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'NetworkError';
  }
}

/**
 * @typedef {{layers?: string|number[], activation?: string, loss?: string, batch?: number, seed?: number,
 *   init_scale?: number, lr?: number}} ExampleChoices  what `./tutor example` takes (core/nn/example_spec.hpp)
 * @typedef {{target: string, row: number, col: number, latex: string, value: number,
 *   over: 'batch'|'contraction'|'entry', terms: [number, number][],
 *   playground: {expr: string, values: Record<string, number>, variable: string|null} | null}} EntrySum
 *   one entry written out (core/tensor/entry_sum.hpp); the playground formula's gradient with respect to
 *   `variable` (or its value, with none) is the entry
 * @typedef {{correct: boolean, guess: number[], slip?: 'transpose'|'none'}} ShapeVerdict
 */

/** @param {import('./module').EngineModule} Module */
export function wrapNetwork(Module) {
  const fail = (/** @type {string} */ message) => new NetworkError(message);
  return {
    /** One forward, backward and update of `spec`. @param {NetworkSpec|GridNetworkSpec} spec @returns {NetworkReport} */
    step(spec) {
      return parseReply(Module.mlpStep(JSON.stringify(spec)), fail);
    },
    /** The same under the tensor stepper's limits. @param {NetworkSpec|GridNetworkSpec} spec @returns {NetworkReport} */
    tensorStep(spec) {
      return parseReply(Module.tensorStep(JSON.stringify(spec)), fail);
    },
    /** The seeded spec for these choices. @param {ExampleChoices} choices @returns {NetworkSpec} */
    example(choices) {
      return parseReply(Module.tensorExample(JSON.stringify(choices)), fail);
    },
    /** Entry (row, col), 0-based, of the rule computing `target`, as a sum.
     * @param {NetworkSpec|GridNetworkSpec} spec @param {string} target @param {number} row @param {number} col
     * @returns {EntrySum} */
    entry(spec, target, row, col) {
      return parseReply(Module.tensorEntry(JSON.stringify(spec), target, row, col), fail);
    },
    /** A typed number graded against the engine's `answer` (the formula grammar: 0.5, -1/4, 2*0.3 ...).
     * @param {string} typed @param {number} answer @returns {{correct: boolean, guess: number}} */
    checkEntry(typed, answer) {
      return parseReply(Module.checkAnswer(typed, answer), fail);
    },
    /** A typed shape graded against `shape`. @param {string} typed @param {number[]} shape @returns {ShapeVerdict} */
    checkShape(typed, shape) {
      return parseReply(Module.checkShapeAnswer(typed, JSON.stringify(shape)), fail);
    },
  };
}
