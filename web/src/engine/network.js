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
 *   spec has only the engine's limits (src/core/nn/spec_parse.hpp), not the drawing limits
 * @typedef {{z: number[][], a: number[][], dz: number[][], da: number[][]}} LayerTrace  one row per sample
 * @typedef {{latex: string, shape: number[]}} RuleFactor  one factor of a rule; factors[0] is its left-hand side
 * @typedef {{target: string, latex: string, factors: RuleFactor[], shapes_latex: string, substituted: string|null,
 *   where?: string}} StepRule  a matrix-form rule: with names, with shapes, with numbers (when ≤ 4×4)
 * @typedef {{name: string, latex: string, kind: 'value'|'grad', shape: number[], grid?: number[], rows: number[][]}} StepMatrix
 * @typedef {{phase: 'forward'|'backward', op: string, node: string, latex: string, shape: number[], grid?: number[],
 *   activation?: string, inputs: {name: string, latex: string, shape: number[]}[], matrices: StepMatrix[],
 *   rules: StepRule[], routing?: number[][], conv?: object, softmax?: {P: number[][], Y: number[][]}}} Step
 *   one op of the step trace (src/core/tensor/step_trace.cpp)
 * @typedef {{outputs: number[][], loss: number, grads: {W: number[][], b: number[], K?: number[][][][]}[],
 *   updated: {W: number[][], b: number[], K?: number[][][][]}[], loss_after: number, trace: LayerTrace[],
 *   probs?: number[][], steps: Step[]}} NetworkReport  (a conv2d layer has K instead of W, a pooling layer neither)
 */

/** A bad spec or one over the widget's size limits, as the engine reported it. */
export class NetworkError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** @param {import('./module').EngineModule} Module */
export function wrapNetwork(Module) {
  return {
    /** One forward, backward and update of `spec`. @param {NetworkSpec|GridNetworkSpec} spec @returns {NetworkReport} */
    step(spec) {
      return parseReply(Module.mlpStep(JSON.stringify(spec)), (message) => new NetworkError(message));
    },
  };
}
