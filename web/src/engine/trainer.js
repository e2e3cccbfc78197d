// @ts-check
// The JS face of the wasm trainer (src/bindings/trainer_bindings.cpp): a config in, a live training session out.
// It owns the Embind TrainerSession it creates (dispose() deletes it), copies every typed-array view out of wasm
// memory before returning it (views die when the heap grows), and turns {"error": ...} replies into TrainerErrors.
// No math and no DOM here; the training page runs this inside a Web Worker.
import { parseReply } from './json-reply.js';

/**
 * @typedef {{dataset: string, samples?: number, noise?: number,
 *   classes?: number, seed?: number, layers?: number[], activation?: string,
 *   init?: 'glorot'|'he', optimizer?: {type: string, lr?: number, momentum?: number,
 *   beta1?: number, beta2?: number, eps?: number}, batch_size?: number, l2?: number, l1?: number,
 *   dtype?: 'float32'|'float64', test_fraction?: number, extra?: {x: number[], y: number[]},
 *   halt_on_divergence?: boolean, data?: {x: number[], y: number[], d: number, classes: number},
 *   params?: number[][]}} TrainerConfig
 *   dataset, activation and optimizer.type are names the engine lists in capabilities() (datasets, activations,
 *   optimizers); its limits.trainer bounds the sizes.
 *   Hidden layers use `activation`; the output layer is linear and the loss is softmax cross-entropy (mean).
 *   batch_size 0 (the default) trains on every row; otherwise rows are taken in order, batch after batch.
 * @typedef {Float32Array|Float64Array} Floats  float32 or float64, as the config's dtype
 * @typedef {{data: Floats, rows: number, cols: number}} Tensor  row-major
 * @typedef {{z: number[], a: number[], dz: number[], da: number[], dW: number[], db: number[], activation: string}} LayerTrace
 *   z = x·W + b, a = f(z), dz = ∂loss/∂z (the layer's delta), da = ∂loss/∂a, dW (in·out row-major) and db, for
 *   one sample; always float64 (see trainer.hpp)
 * @typedef {{row: number, x: number[], label: number, loss: number, probs: number[], prediction: number,
 *   test: boolean, layers: LayerTrace[]}} SampleTrace
 * @typedef {{step: number, reason: 'loss_not_finite'|'weights_exploded', loss: number, guess_loss: number,
 *   max_weight: number, max_preactivation: number, flat_units: number, suggested_lr: number}} Divergence
 *   why a halting session stopped (trainer.hpp); suggested_lr is the rate to restart with
 * @typedef {{value: number, parameter: number, latex: string[]}} ChainRule
 * @typedef {{dataset: string, samples: number, noise: number, classes: number, seed: number, layers: number[],
 *   activation: string, init: string, optimizer: {type: string, lr: number}, batch_size: number, l2: number,
 *   l1?: number, dtype: 'float32'|'float64', test_fraction?: number, halt_on_divergence?: boolean}} DescribedConfig
 *   the config in use, every default filled in (batch_size: the rows per step actually used)
 * @typedef {{config: DescribedConfig, dataset: {name: string, n: number, d: number, classes: number,
 *   train_rows: number, test_rows: number}, layers: {in: number, out: number, activation: string}[],
 *   parameters: number, loss: string, steps: number}} Description
 * @typedef {{x: Float64Array, y: Int32Array, n: number, d: number, classes: number}} DataRows  row-major, d per row
 * @typedef {{loss: number, accuracy: number, steps: number}} Metrics
 * @typedef {{steps: number, loss: number, diverged: Divergence|null}} StepReply
 * @typedef {import('./network.js').NetworkSpec} SampleSpec  a `./tutor mlp` spec of one row (softmax cross-entropy)
 */

/** A bad config or call, as the engine reported it. */
export class TrainerError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'TrainerError';
  }
}

/** @param {string} text */
const decode = (text) => parseReply(text, (message) => new TrainerError(message));

/**
 * Wraps an instantiated engine module (from `createBackpropEngine()`).
 * @param {import('./module').EngineModule} Module
 */
export function wrapTrainer(Module) {
  return {
    /**
     * Starts a training session. For dataset "digits" pass `options.digits`, the text of digits.json (the build
     * copies it next to the engine: build/wasm/data/digits.json). Call `dispose()` when done.
     * @param {TrainerConfig} config @param {{digits?: string}} [options]
     */
    createTrainer(config, options = {}) {
      const session = new Module.TrainerSession();
      try {
        decode(session.configure(JSON.stringify(config), options.digits ?? ''));
      } catch (error) {
        session.delete();
        throw error;
      }
      return makeTrainer(session);
    },
  };
}

/** Embind turns a negative or fractional index into a huge unsigned one: refuse those here. @param {number} n @param {string} name */
function whole(n, name) {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new TrainerError(`${name} must be a whole number ≥ 0, got ${n}`);
  return n;
}

/** @param {import('./module').TrainerSessionHandle} session */
function makeTrainer(session) {
  let live = true;
  const use = () => {
    if (!live) throw new TrainerError('this trainer was disposed');
    return session;
  };
  /** @param {Floats|null} view @returns {Floats} a copy that outlives heap growth */
  const copy = (view) => {
    if (view === null) throw new TrainerError(session.lastError());
    return view.slice();
  };
  /** @type {Description} */
  const description = decode(session.describe());
  const widths = [description.dataset.d, ...description.layers.map((l) => l.out)];
  /** @param {number} layer @param {boolean} grad @returns {{W: Tensor, b: Tensor}} */
  const tensors = (layer, grad) => {
    const W = copy(use().parameter(layer, false, grad));
    const b = copy(use().parameter(layer, true, grad));
    return { W: { data: W, rows: widths[layer], cols: widths[layer + 1] }, b: { data: b, rows: 1, cols: b.length } };
  };

  return {
    /** The network, dataset and settings in use. */
    description,
    /** Runs `n` optimisation steps (fewer once a halting session diverges).
     * @param {number} [n] @returns {StepReply} loss of the last batch */
    step(n = 1) {
      if (!Number.isInteger(n) || n < 0 || n > 1e7) throw new TrainerError('step(n): n must be a whole number ≤ 1e7');
      return decode(use().step(n));
    },
    /** Back to the initial weights and a fresh optimiser (same seed: the same run again). */
    reset() {
      decode(use().reset());
    },
    /** Loss and accuracy over every training row. @returns {Metrics} */
    evaluate() {
      return decode(use().evaluate());
    },
    /** The same over the held-out test rows (loss NaN when there are none). @returns {Metrics} */
    evaluateTest() {
      return decode(use().evaluateTest());
    },
    /** The predicted class of every row, training rows first. @returns {Int32Array} */
    predictions() {
      const view = use().predictions();
      if (view === null) throw new TrainerError('the trainer is not configured');
      return Int32Array.from(view);
    },
    /** W (in, out) and b (1, out) of `layer` (0 = first hidden layer). @param {number} layer */
    weights(layer) {
      return tensors(layer, false);
    },
    /** ∂loss/∂W and ∂loss/∂b of `layer` from the last step (zeros before the first). @param {number} layer */
    gradients(layer) {
      return tensors(layer, true);
    },
    /**
     * Class probabilities on an nx × ny grid over [x0, x1] × [y0, y1] (2-D datasets): point (i, j) is row
     * j·nx + i at x = x0 + (x1 − x0)·i/(nx − 1), y = y0 + (y1 − y0)·j/(ny − 1); `classes` values per point.
     * @param {{x0: number, x1: number, y0: number, y1: number, nx: number, ny: number}} g
     * @returns {{probs: Floats, nx: number, ny: number, classes: number}}
     */
    grid({ x0, x1, y0, y1, nx, ny }) {
      const probs = copy(use().grid(x0, x1, y0, y1, nx, ny));
      return { probs, nx, ny, classes: description.dataset.classes };
    },
    /**
     * The activations of hidden `layer` at the points of the last grid() call: units values per point.
     * @param {number} layer @returns {{a: Floats, units: number}}
     */
    gridLayer(layer) {
      const a = copy(use().gridLayer(layer));
      return { a, units: widths[layer + 1] };
    },
    /** Forward values and backward deltas of every layer for one row ("backprop this point"). @param {number} row
     * @returns {SampleTrace} */
    inspect(row) {
      return decode(use().inspect(whole(row, 'row')));
    },
    /**
     * The chain rule for W[from][to] of `layer` (or its bias b[to] when from equals the layer's input count) on
     * one row, as LaTeX lines with the row's numbers.
     * @param {number} row @param {number} layer @param {number} from @param {number} to @returns {ChainRule}
     */
    explain(row, layer, from, to) {
      return decode(use().explain(whole(row, 'row'), whole(layer, 'layer'), whole(from, 'from'), whole(to, 'to')));
    },
    /** This network and one row as a `./tutor mlp` spec: the CLI redoes the sample from it.
     * @param {number} row @returns {SampleSpec} */
    spec(row) {
      return decode(use().spec(whole(row, 'row')));
    },
    /** The next minibatch's first `count` rows (at most the batch) as a `./tutor mlp` spec, for the tensor
     * stepper. @param {number} count @returns {SampleSpec} */
    batchSpec(count) {
      return decode(use().batchSpec(whole(count, 'count')));
    },
    /** The dataset's points (row-major, d per row) and labels. @returns {DataRows} */
    data() {
      const { n, d, classes } = description.dataset;
      const x = use().dataX(), y = use().dataY();
      if (x === null || y === null) throw new TrainerError('the trainer is not configured');
      return { x: Float64Array.from(x), y: Int32Array.from(y), n, d, classes };
    },
    /** Frees the wasm side; the trainer cannot be used afterwards. */
    dispose() {
      if (live) session.delete();
      live = false;
    },
  };
}
