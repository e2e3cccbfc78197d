// @ts-check
// The page's handle on the training worker (worker.js): commands go out as messages, snapshots come back to one
// listener, and questions about one sample (inspect, explain, spec) are promises. `ready` resolves with the
// engine's capabilities once the worker has loaded it (and rejects if the engine cannot load). Messaging only (protocol.js has the types): no DOM, no math.

/**
 * @typedef {import('./protocol.js').Snapshot} Snapshot
 * @typedef {import('./protocol.js').ToWorker} ToWorker
 * @typedef {import('./protocol.js').FromWorker} FromWorker
 * @typedef {import('./protocol.js').Questions} Questions
 * @typedef {{onConfigured: (description: import('./protocol.js').Description, data: import('./protocol.js').DataRows) => void,
 *   onSnapshot: (s: Snapshot) => void, onError: (request: string, message: string) => void}} Listeners
 */

/** @param {Listeners} listeners */
export function createTrainClient(listeners) {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  /** @type {Map<number, {resolve: (v: Questions[keyof Questions]['result']) => void, reject: (e: Error) => void}>} */
  const pending = new Map();
  let nextId = 1;
  /** @type {(capabilities: import('./protocol.js').Capabilities) => void} */
  let hello = () => {};
  /** @type {(error: Error) => void} */
  let noEngine = () => {};
  /** @type {Promise<import('./protocol.js').Capabilities>} */
  const ready = new Promise((resolve, reject) => { hello = resolve; noEngine = reject; });

  worker.addEventListener('message', (/** @type {MessageEvent<FromWorker>} */ event) => {
    const m = event.data;
    if (m.type === 'hello') hello(m.capabilities);
    else if (m.type === 'configured') listeners.onConfigured(m.description, m.data);
    else if (m.type === 'snapshot') listeners.onSnapshot(m);
    else if (m.type === 'reply') { pending.get(m.id)?.resolve(m.result); pending.delete(m.id); }
    else if (m.type === 'error') {
      if (m.request === 'load') noEngine(new Error(m.message));
      else if (m.id && pending.has(m.id)) { pending.get(m.id)?.reject(new Error(m.message)); pending.delete(m.id); }
      else listeners.onError(m.request, m.message);
    }
  });
  worker.addEventListener('error', (event) => listeners.onError('worker', event.message));

  /** @param {ToWorker} message */
  const send = (message) => worker.postMessage(message);

  /**
   * @template {keyof Questions} Q
   * @param {Q} type @param {Questions[Q]['request']} fields @returns {Promise<Questions[Q]['result']>}
   */
  const ask = (type, fields) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve: (result) => resolve(/** @type {Questions[Q]['result']} */ (result)), reject });
    send(/** @type {ToWorker} */ ({ type, id, ...fields }));
  });

  return {
    /** The engine's capabilities, once the worker has loaded it. */
    ready,
    /** @param {import('../engine/trainer.js').TrainerConfig} config */
    configure: (config) => send({ type: 'configure', config }),
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    step: () => send({ type: 'step', n: 1 }),
    reset: () => send({ type: 'reset' }),
    /** The page has drawn the last snapshot: the worker may send the next. */
    drawn: () => send({ type: 'drawn' }),
    /** @param {number} row */
    inspect: (row) => ask('inspect', { row }),
    /** @param {number} row @param {number} layer @param {number} from @param {number} to */
    explain: (row, layer, from, to) => ask('explain', { row, layer, from, to }),
    /** @param {number} row */
    spec: (row) => ask('spec', { row }),
    /** @param {number} count */
    batchSpec: (count) => ask('batchSpec', { count }),
  };
}
