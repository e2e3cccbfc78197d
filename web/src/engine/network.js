// @ts-check
// The JS face of the network binding (src/bindings/network_bindings.cpp): a network given in full (weights,
// inputs, targets, loss) in, the engine's forward values, loss, per-weight gradients and updated weights out, in
// the JSON shape of `./tutor mlp`. No Embind objects are created (one function call), so nothing needs disposing.
// No math and no DOM here.
import { parseReply } from './json-reply.js';

/**
 * @typedef {{W: number[][], b: number[], activation?: string}} LayerSpec
 *   W is (in, out): W[i][j] is the weight from input i to unit j; activation: a name from capabilities().activations
 * @typedef {{layers: LayerSpec[], loss: string, x: number[][], y: number[][]|number[],
 *   optimizer: {type: string, lr: number}}} NetworkSpec
 *   loss: a name from capabilities().losses; optimizer.type one from capabilities().optimizers. Sizes are bounded
 *   by capabilities().limits.network (a network small enough to draw every weight)
 * @typedef {{z: number[][], a: number[][], dz: number[][], da: number[][]}} LayerTrace  one row per sample
 * @typedef {{outputs: number[][], loss: number, grads: {W: number[][], b: number[]}[],
 *   updated: {W: number[][], b: number[]}[], loss_after: number, trace: LayerTrace[], probs?: number[][]}} NetworkReport
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
    /** One forward, backward and update of `spec`. @param {NetworkSpec} spec @returns {NetworkReport} */
    step(spec) {
      return parseReply(Module.mlpStep(JSON.stringify(spec)), (message) => new NetworkError(message));
    },
  };
}
