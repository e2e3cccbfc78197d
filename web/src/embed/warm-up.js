// @ts-check
// Starts, in parallel, what a page's widgets will need, as soon as their tags are known: the engine (wasm fetched
// and compiled while streaming) and KaTeX (the widgets that use it import it after their own chunk, one round
// trip later). Fetching only: nothing is drawn or defined here. Used by the bundle's scan and the iframe form.
import { loadEngine } from '../engine/load.js';

// The widgets that never call the engine, from their declarations at build time (the embed build defines it).
// @ts-ignore
const NO_ENGINE = new Set(__BP_NO_ENGINE__);

/** @param {readonly string[]} tags @returns {Promise<unknown> | null} the engine's promise, if one is needed */
export function warmUp(tags) {
  if (!tags.some((tag) => !NO_ENGINE.has(tag))) return null;
  const engine = loadEngine();  // first: the wasm is the longest download and compile
  import('katex').catch(() => {});
  return engine;
}
