// @ts-check
// The page's handle on the training worker (worker.js): commands go out as messages, snapshots come back to one
// listener, and questions about one sample (inspect, explain, spec) are promises. Messaging only: no DOM, no math.

/**
 * @typedef {{steps: number, train: {loss: number, accuracy: number}, test: {loss: number, accuracy: number},
 *   grid: {probs: Float32Array, nx: number, ny: number, classes: number} | null,
 *   hidden: {a: Float32Array, units: number}[], weights: {W: any, b: any}[], grads: {W: any, b: any}[],
 *   predictions: Int32Array, history: Float64Array, playing: boolean, stepsPerSecond: number, diverged: any}} Snapshot
 *   history: the metrics recorded since the previous snapshot, 5 numbers each: step, training loss and accuracy,
 *   test loss and accuracy
 * @typedef {{onConfigured: (description: any, data: any) => void, onSnapshot: (s: Snapshot) => void,
 *   onError: (request: string, message: string) => void}} Listeners
 */

/** @param {Listeners} listeners */
export function createTrainClient(listeners) {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
  const pending = new Map();
  let nextId = 1;

  worker.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'configured') listeners.onConfigured(m.description, m.data);
    else if (m.type === 'snapshot') listeners.onSnapshot(m);
    else if (m.type === 'reply') { pending.get(m.id)?.resolve(m.result); pending.delete(m.id); }
    else if (m.type === 'error') {
      if (m.id && pending.has(m.id)) { pending.get(m.id)?.reject(new Error(m.message)); pending.delete(m.id); }
      else listeners.onError(m.request, m.message);
    }
  });
  worker.addEventListener('error', (event) => listeners.onError('worker', event.message));

  /** @param {string} type @param {object} fields */
  const ask = (type, fields) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ type, id, ...fields });
  });

  return {
    /** @param {import('../engine/trainer.js').TrainerConfig} config */
    configure: (config) => worker.postMessage({ type: 'configure', config }),
    play: () => worker.postMessage({ type: 'play' }),
    pause: () => worker.postMessage({ type: 'pause' }),
    step: () => worker.postMessage({ type: 'step', n: 1 }),
    reset: () => worker.postMessage({ type: 'reset' }),
    /** The page has drawn the last snapshot: the worker may send the next. */
    drawn: () => worker.postMessage({ type: 'drawn' }),
    /** @param {number} row @returns {Promise<import('../engine/trainer.js').SampleTrace>} */
    inspect: (row) => ask('inspect', { row }),
    /** @param {number} row @param {number} layer @param {number} from @param {number} to @returns {Promise<import('../engine/trainer.js').ChainRule>} */
    explain: (row, layer, from, to) => ask('explain', { row, layer, from, to }),
    /** @param {number} row @returns {Promise<object>} */
    spec: (row) => ask('spec', { row }),
  };
}
