// @ts-check
// The wasm engine under node, for the build: lesson numbers are filled in at build time by the same engine the
// pages load (formulas and networks), so a page reads right before its scripts run (the widgets then recompute live in the browser).
// Emscripten 3.1.6's glue wants `require`/`__dirname` under node and cannot fetch a file URL: hand it the bytes.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { wrapEngine } from '../../engine/engine.js';
import { wrapNetwork } from '../../engine/network.js';

/** @param {string} wasmDir the folder holding bp_engine.mjs and bp_engine.wasm */
export async function loadNodeEngine(wasmDir) {
  const g = /** @type {any} */ (globalThis);
  g.require ??= createRequire(import.meta.url);
  g.__dirname ??= wasmDir;
  const { default: factory } = await import(pathToFileURL(path.join(wasmDir, 'bp_engine.mjs')).href);
  const module = await factory({ wasmBinary: fs.readFileSync(path.join(wasmDir, 'bp_engine.wasm')) });
  // The formula engine, with the network API (for <bp-num net=…>) beside it.
  return Object.assign(wrapEngine(module), { network: wrapNetwork(module) });
}
