// @ts-check
// Loads the wasm engine in a browser (page or worker) once, and hands out the wrapped API (see engine.js).
import createBackpropEngine from '@engine/bp_engine.mjs';
import wasmUrl from '@engine/bp_engine.wasm?url';
import { wrapEngine } from './engine.js';

/** @type {Promise<ReturnType<typeof wrapEngine>> | undefined} */
let engine;

/** The engine, instantiated on first use. */
export function loadEngine() {
  engine ??= createBackpropEngine({ locateFile: () => wasmUrl }).then(wrapEngine);
  return engine;
}
