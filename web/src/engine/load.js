// @ts-check
// Loads the wasm engine in a browser (page or worker) once, and hands out the wrapped APIs (engine.js for
// formulas, trainer.js for training sessions, network.js for one step of a given network, capabilities.js for
// what the engine offers). One module instance serves them all, so a page with many widgets instantiates the
// wasm once.
import createBackpropEngine from '@engine/bp_engine.mjs';
import wasmUrl from '@engine/bp_engine.wasm?url';
import { wrapEngine } from './engine.js';
import { wrapTrainer } from './trainer.js';
import { wrapNetwork } from './network.js';

/** @type {Promise<import('./module').EngineModule> | undefined} */
let module;
/** @type {Promise<ReturnType<typeof wrapEngine>> | undefined} */
let engine;

/** The instantiated Embind module, on first use. */
function loadModule() {
  module ??= createBackpropEngine({ locateFile: () => wasmUrl }).catch((/** @type {unknown} */ error) => {
    throw new Error(loadFailure(String(/** @type {Error} */ (error)?.message ?? error)));
  });
  return module;
}

/** The formula engine, instantiated on first use. */
export function loadEngine() {
  engine ??= loadModule().then(wrapEngine);
  return engine;
}

/** The trainer API (createTrainer) on the same module. */
export const loadTrainer = () => loadModule().then(wrapTrainer);

/** The network API (step) on the same module. */
export const loadNetwork = () => loadModule().then(wrapNetwork);

/** What the engine offers (capabilities.js), parsed once per module. */
export const loadCapabilities = () => loadEngine().then((e) => e.capabilities());
/** Why the wasm did not load, in words a blogger can act on. @param {string} cause */
function loadFailure(cause) {
  const where = new URL(wasmUrl, location.href);
  const crossOrigin = typeof location !== 'undefined' && where.origin !== location.origin;
  return `could not load the engine (${where.href}): ${cause.replace(/\.?\s*Build with.*$/, '').replace(/\.$/, '')}. ` + (crossOrigin
    ? `Its server (${where.origin}) must send Access-Control-Allow-Origin for this page, and Content-Type: application/wasm.`
    : 'Check that bp_engine.wasm is beside the bundle and served as application/wasm.');
}
