// @ts-check
// Loads the wasm engine in a browser (page or worker) and hands out the wrapped APIs (engine.js for formulas,
// trainer.js for training sessions, network.js for one step of a given network, capabilities.js for what the
// engine offers). There are two modules: bp_scalar (formulas only, small) and bp_engine (everything). Formulas come
// from bp_engine when something has asked for it already, otherwise from bp_scalar, so a page of only formula
// widgets never downloads the trainer, and a training page downloads one module. Each is instantiated once.
import engineWasmUrl from '@engine/bp_engine.wasm?url';
import scalarWasmUrl from '@engine/bp_scalar.wasm?url';
import { wrapEngine } from './engine.js';
import { wrapTrainer } from './trainer.js';
import { wrapNetwork } from './network.js';

/** @type {Promise<import('./module').EngineModule> | undefined} */
let wholeModule;
/** @type {Promise<import('./module').FormulaModule> | undefined} */
let scalarModule;
/** @type {Promise<ReturnType<typeof wrapEngine>> | undefined} */
let engine;

/**
 * Instantiates one module. Its wasm is requested at once, beside the import of its Emscripten glue (a chunk of its
 * own in the bundle), and compiled while it streams in, before the glue has arrived; a failure becomes a message a
 * blogger can act on.
 * @template M @param {() => Promise<{default: (options: import('./module').EngineOptions) => Promise<M>}>} glue
 * @param {string} wasmUrl
 */
function instantiate(glue, wasmUrl) {
  const compiled = compile(fetch(wasmUrl, { credentials: 'same-origin' }));
  compiled.catch(() => {});  // its failure is reported through instantiateWasm, or not at all if the glue failed
  /** @type {(error: unknown) => void} */
  let failed = () => {};
  const failure = new Promise((_, reject) => { failed = reject; });
  const module = glue().then(({ default: factory }) => factory({
    // Emscripten calls this instead of fetching the file itself; `receive` starts the runtime.
    instantiateWasm(imports, receive) {
      compiled.then((wasm) => WebAssembly.instantiate(wasm, imports)).then((instance) => receive(instance), failed);
      return {};
    },
  }));
  return Promise.race([module, failure]).catch((/** @type {unknown} */ error) => {
    throw new Error(loadFailure(wasmUrl, String(/** @type {Error} */ (error)?.message ?? error)));
  });
}

/**
 * The module, compiled while the bytes arrive (no imports needed yet); a host that sends the wasm with another
 * Content-Type than application/wasm still works, compiled after the whole download.
 * @param {Promise<Response>} response
 */
async function compile(response) {
  const reply = await response;
  if (!reply.ok) throw new Error(`HTTP ${reply.status}`);
  if (reply.headers.get('Content-Type')?.startsWith('application/wasm')) return WebAssembly.compileStreaming(reply);
  return WebAssembly.compile(await reply.arrayBuffer());
}

/** The whole engine (tensors, trainer, networks and formulas), on first use. */
export function loadWholeEngine() {
  wholeModule ??= instantiate(() => import('@engine/bp_engine.mjs'), engineWasmUrl);
  return wholeModule;
}

/** The formula engine: from the whole module if it is on its way, else from the small scalar one. */
export function loadEngine() {
  engine ??= (wholeModule ?? (scalarModule = instantiate(() => import('@engine/bp_scalar.mjs'), scalarWasmUrl)))
    .then(wrapEngine);
  return engine;
}

/** The trainer API (createTrainer) on the whole module. */
export const loadTrainer = () => loadWholeEngine().then(wrapTrainer);

/** The network API (step) on the whole module. */
export const loadNetwork = () => loadWholeEngine().then(wrapNetwork);

/** What the engine offers (capabilities.js): both modules answer the same, parsed once. */
export const loadCapabilities = () => loadEngine().then((e) => e.capabilities());

/** Bytes in use on the heaps of the modules loaded so far (for leak checks; loads the formula engine if none is). */
export async function heapBytesInUse() {
  await loadEngine();
  const modules = await Promise.all([wholeModule, scalarModule].filter((m) => m !== undefined));
  return modules.reduce((sum, m) => sum + (m?.heapBytesInUse() ?? 0), 0);
}

/** Why the wasm did not load, in words a blogger can act on. @param {string} wasmUrl @param {string} cause */
function loadFailure(wasmUrl, cause) {
  const where = new URL(wasmUrl, location.href);
  const file = where.pathname.replace(/^.*\//, '');
  const crossOrigin = typeof location !== 'undefined' && where.origin !== location.origin;
  return `could not load the engine (${where.href}): ${cause.replace(/\.?\s*Build with.*$/, '').replace(/\.$/, '')}. ` + (crossOrigin
    ? `Its server (${where.origin}) must send Access-Control-Allow-Origin for this page, and Content-Type: application/wasm.`
    : `Check that ${file} is beside the bundle and served as application/wasm.`);
}
