// The one loader the node tests share: instantiates the wasm engine from the build folder and wraps it.
// Emscripten 3.1.6's ES-module glue expects `require` and `__dirname` under node and would fetch the .wasm by
// URL, which node cannot do for files, so the binary is handed over directly.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { wrapEngine } from '../../web/src/engine/engine.js';
import { wrapNetwork } from '../../web/src/engine/network.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = process.env.BP_WASM_DIR ?? path.join(repoRoot, 'build/wasm');
export const cliPath = process.env.BP_CLI ?? path.join(repoRoot, 'build/native/bp_cli');

/** Instantiates a module file from the wasm build (e.g. 'bp_engine') and returns the raw Embind module. */
export async function loadModule(name = 'bp_engine') {
  globalThis.require ??= createRequire(import.meta.url);
  globalThis.__dirname ??= wasmDir;
  const { default: factory } = await import(pathToFileURL(path.join(wasmDir, `${name}.mjs`)).href);
  return factory({ wasmBinary: fs.readFileSync(path.join(wasmDir, `${name}.wasm`)) });
}

/** The wrapped formula engine (see web/src/engine/engine.js), with the network API as `.network` (as the build has it). */
export async function loadEngine() {
  const module = await loadModule();
  return Object.assign(wrapEngine(module), { network: wrapNetwork(module) });
}
