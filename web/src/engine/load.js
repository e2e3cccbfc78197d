// @ts-check
// Loads the wasm engine in a browser (page or worker) once, and hands out the wrapped APIs: the formula engine
// (engine.js) and the trainer (trainer.js). Loading only: no DOM, no state beyond the one module promise.
import createBackpropEngine from '@engine/bp_engine.mjs';
import wasmUrl from '@engine/bp_engine.wasm?url';
import { wrapEngine } from './engine.js';
import { wrapTrainer } from './trainer.js';

/** @type {Promise<any> | undefined} */
let module;
/** @type {Promise<ReturnType<typeof wrapEngine>> | undefined} */
let engine;
const loadModule = () => (module ??= createBackpropEngine({ locateFile: () => wasmUrl }));

/** The formula engine, instantiated on first use. */
export function loadEngine() {
  engine ??= loadModule().then(wrapEngine);
  return engine;
}

/** The trainer API over the same module (the training page's worker uses it). */
export function loadTrainerApi() {
  return loadModule().then(wrapTrainer);
}
