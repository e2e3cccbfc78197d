// @ts-check
// The messages between the training page (client.js) and its worker (worker.js), as two discriminated unions on
// `type`, and the snapshot the worker posts while training. Types only: nothing here runs.

/**
 * @typedef {import('../engine/trainer.js').TrainerConfig} TrainerConfig
 * @typedef {import('../engine/trainer.js').Tensor} Tensor
 * @typedef {import('../engine/trainer.js').Metrics} Metrics
 * @typedef {import('../engine/trainer.js').Divergence} Divergence
 * @typedef {import('../engine/trainer.js').Description} Description
 * @typedef {import('../engine/trainer.js').DataRows} DataRows
 * @typedef {import('../engine/trainer.js').SampleTrace} SampleTrace
 * @typedef {import('../engine/trainer.js').ChainRule} ChainRule
 * @typedef {import('../engine/trainer.js').SampleSpec} SampleSpec
 * @typedef {import('../engine/capabilities.js').Capabilities} Capabilities
 */

/**
 * What the worker posts after a configure, each step and while playing: numbers only, in transferred arrays.
 * @typedef {{steps: number, train: Metrics, test: Metrics,
 *   grid: {probs: Float32Array|Float64Array, nx: number, ny: number, classes: number} | null,
 *   hidden: {a: Float32Array|Float64Array, units: number}[], weights: {W: Tensor, b: Tensor}[],
 *   grads: {W: Tensor, b: Tensor}[], predictions: Int32Array, history: Float64Array, playing: boolean,
 *   stepsPerSecond: number, diverged: Divergence | null}} Snapshot
 *   history: the metrics recorded since the previous snapshot, 5 numbers each: step, training loss and accuracy,
 *   test loss and accuracy
 */

/**
 * Questions about one sample: each carries an id, and its answer comes back as a `reply` with the same id.
 * @typedef {{inspect: {request: {row: number}, result: SampleTrace},
 *   explain: {request: {row: number, layer: number, from: number, to: number}, result: ChainRule},
 *   spec: {request: {row: number}, result: SampleSpec},
 *   batchSpec: {request: {count: number}, result: SampleSpec}}} Questions
 * @typedef {keyof Questions} QuestionType
 * @typedef {{type: 'inspect', id: number, row: number}
 *   | {type: 'explain', id: number, row: number, layer: number, from: number, to: number}
 *   | {type: 'spec', id: number, row: number}
 *   | {type: 'batchSpec', id: number, count: number}} Question
 */

/**
 * Page → worker.
 * @typedef {{type: 'configure', config: TrainerConfig} | {type: 'play'} | {type: 'pause'}
 *   | {type: 'step', n: number} | {type: 'reset'} | {type: 'drawn'} | Question} ToWorker
 */

/**
 * Worker → page. `hello` comes first, once the engine is loaded, with what it offers (the page's menus).
 * @typedef {{type: 'hello', capabilities: Capabilities}
 *   | {type: 'configured', description: Description, data: DataRows}
 *   | ({type: 'snapshot'} & Snapshot)
 *   | {type: 'reply', id: number, result: SampleTrace | ChainRule | SampleSpec}
 *   | {type: 'error', id?: number, request: string, message: string}} FromWorker
 */

export {};
