// @ts-check
// The training page's Web Worker: it owns the wasm trainer and runs it off the main thread. While playing it trains
// in chunks of about 10 ms, yields to its message queue between chunks, and posts a snapshot (numbers only, in
// transferred typed arrays) at most every 100 ms, only after the page has drawn the previous one, and less often
// when drawing takes the page long (a busy or slow machine), so that drawing never crowds out training.
// Its first message, `hello`, carries the engine's capabilities (the page's menus). Message types: protocol.js.
// Not a renderer and no math: every number it posts comes from the engine; it only counts steps and time.
import { loadTrainer, loadCapabilities, loadWholeEngine } from '../engine/load.js';
import digitsUrl from '@engine/data/digits.json?url';
import { VIEW, GRID } from './view.js';

/**
 * @typedef {import('./protocol.js').ToWorker} ToWorker
 * @typedef {import('./protocol.js').FromWorker} FromWorker
 * @typedef {ReturnType<Awaited<ReturnType<typeof loadTrainer>>['createTrainer']>} Trainer
 */

const CHUNK_MS = 10;
const SNAPSHOT_MS = 100;

/** Everything the worker holds, in one place. */
const session = {
  /** @type {Trainer | null} */ trainer: null,
  /** @type {import('./protocol.js').Description | null} */ description: null,
  playing: false,
  acked: true,
  lastSnapshot: 0,
  /** how long the page took to draw the last snapshot (sent → "drawn"), in ms */
  drawMs: 0,
  chunk: 1,
  /** steps and milliseconds of recent chunks, for steps per second */
  rate: { steps: 0, ms: 0, value: 0 },
  /** @type {import('./protocol.js').Divergence | null} */ diverged: null,
  /** @type {Promise<string> | null} */ digits: null,
  /** metrics after each chunk since the last snapshot: [step, train loss, train acc, test loss, test acc], flat */
  history: /** @type {number[]} */ ([]),
};

/** @param {FromWorker} message @param {Transferable[]} [transfer] */
const post = (message, transfer = []) => self.postMessage(message, { transfer });
/** The session's trainer, or an error for a command that arrives before the first configure. */
const trainer = () => {
  if (!session.trainer || !session.description) throw new Error('the trainer is not configured yet');
  return { t: session.trainer, description: session.description };
};
const yieldNow = () => new Promise((resolve) => {
  const channel = new MessageChannel();  // unlike setTimeout(0), not clamped to 4 ms
  channel.port1.onmessage = resolve;
  channel.port2.postMessage(null);
});

/** @param {import('./protocol.js').TrainerConfig} config */
async function configure(config) {
  const api = await loadTrainer();
  const digits = config.dataset === 'digits' ? await (session.digits ??= fetch(digitsUrl).then((r) => r.text())) : '';
  const next = api.createTrainer(config, { digits });  // throws TrainerError for a bad config: the old one stays
  session.trainer?.dispose();
  session.trainer = next;
  session.description = next.description;
  session.playing = false;
  session.diverged = null;
  session.rate = { steps: 0, ms: 0, value: 0 };
  session.history = [];
  const data = next.data();
  post({ type: 'configured', description: next.description, data }, [data.x.buffer, data.y.buffer]);
  snapshot();
}

/** Counters, metrics, weights, gradients, predictions and (2-D data) the boundary and hidden-unit grids. */
function snapshot() {
  const { t, description } = trainer();
  const layers = description.layers.length;
  /** @type {import('./protocol.js').Snapshot['weights']} */
  const weights = [], grads = [];
  /** @type {import('./protocol.js').Snapshot['hidden']} */
  const hidden = [];
  /** @type {Transferable[]} */
  const transfer = [];
  for (let l = 0; l < layers; l++) {
    weights.push(t.weights(l));
    grads.push(t.gradients(l));
  }
  let grid = null;
  if (description.dataset.d === 2) {
    grid = t.grid({ ...VIEW, nx: GRID, ny: GRID });
    transfer.push(grid.probs.buffer);
    for (let l = 0; l + 1 < layers; l++) hidden.push(t.gridLayer(l));
  }
  for (const tensors of [...weights, ...grads]) transfer.push(tensors.W.data.buffer, tensors.b.data.buffer);
  for (const h of hidden) transfer.push(h.a.buffer);
  const predictions = t.predictions();
  transfer.push(predictions.buffer);
  const { train, test } = record();
  const history = Float64Array.from(session.history);
  session.history = [];
  transfer.push(history.buffer);
  session.acked = false;
  session.lastSnapshot = performance.now();
  post({ type: 'snapshot', steps: train.steps, train, test, grid, hidden, weights, grads, predictions, history,
    playing: session.playing, stepsPerSecond: session.rate.value, diverged: session.diverged }, transfer);
}

/** Loss and accuracy now, kept for the curves (a forward pass over the rows: far cheaper than a 10 ms chunk). */
function record() {
  const { t } = trainer();
  const train = t.evaluate(), test = t.evaluateTest();
  const last = session.history.length - 5;
  if (last < 0 || session.history[last] !== train.steps) session.history.push(train.steps, train.loss, train.accuracy, test.loss, test.accuracy);
  return { train, test };
}

/** n steps; returns false once the session has diverged (it halts itself, see trainer.hpp). @param {number} n */
function train(n) {
  const reply = trainer().t.step(n);
  if (reply.diverged) {
    session.diverged = reply.diverged;
    session.playing = false;
    return false;
  }
  return true;
}

async function play() {
  if (session.playing || !session.trainer || session.diverged) return;
  session.playing = true;
  session.rate = { steps: 0, ms: 0, value: 0 };
  while (session.playing) {
    const start = performance.now();
    const chunk = session.chunk;
    const ok = train(chunk);
    const ms = performance.now() - start;
    // Grow or shrink the chunk so one takes about CHUNK_MS: few crossings into wasm, a quick answer to "pause".
    session.chunk = Math.max(1, Math.min(5000, Math.round(chunk * (ms > 0 ? Math.min(2, CHUNK_MS / ms) : 2))));
    if (!ok) break;
    // The page may spend at most about a fifth of the time drawing.
    const due = Math.max(SNAPSHOT_MS, 5 * session.drawMs);
    if (session.acked && performance.now() - session.lastSnapshot >= due) snapshot();
    else if (session.history.length < 5000) record();
    await yieldNow();
    countRate(start, chunk);
  }
  snapshot();
}

/** Steps per second over the last half second of wall time (training, snapshots and yields included).
 * @param {number} start @param {number} steps */
function countRate(start, steps) {
  const r = session.rate;
  r.ms += performance.now() - start;
  r.steps += steps;
  if (r.ms >= 500) {
    r.value = (r.steps * 1000) / r.ms;
    r.steps = 0;
    r.ms = 0;
  }
}

/** @param {MessageEvent<ToWorker>} event */
async function handle(event) {
  const m = event.data;
  try {
    switch (m.type) {
      case 'configure': await configure(m.config); break;
      case 'play': play(); break;
      case 'pause': session.playing = false; break;
      case 'step':
        if (!session.playing && !session.diverged) { train(m.n ?? 1); snapshot(); }
        break;
      case 'reset':
        session.playing = false;
        session.diverged = null;
        session.history = [];
        trainer().t.reset();
        snapshot();
        break;
      case 'drawn':
        session.acked = true;
        session.drawMs = performance.now() - session.lastSnapshot;
        break;
      case 'inspect': post({ type: 'reply', id: m.id, result: trainer().t.inspect(m.row) }); break;
      case 'explain': post({ type: 'reply', id: m.id, result: trainer().t.explain(m.row, m.layer, m.from, m.to) }); break;
      case 'spec': post({ type: 'reply', id: m.id, result: trainer().t.spec(m.row) }); break;
      case 'batchSpec': post({ type: 'reply', id: m.id, result: trainer().t.batchSpec(m.count) }); break;
      default: throw new Error(`unknown message ${/** @type {{type: string}} */ (m).type}`);
    }
  } catch (error) {
    post({ type: 'error', id: 'id' in m ? m.id : undefined, request: m.type, message: /** @type {Error} */ (error).message });
  }
}

self.addEventListener('message', handle);
// The engine first: the page builds its menus from what it offers, then configures. The whole engine (the trainer's)
// is asked for before the capabilities, so they come from it and this worker instantiates one module, not two.
loadWholeEngine();
loadCapabilities().then(
  (capabilities) => post({ type: 'hello', capabilities }),
  (error) => post({ type: 'error', request: 'load', message: String(error?.message ?? error) }),
);
