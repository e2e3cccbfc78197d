// @ts-check
// Starts what a page's widgets will need as soon as their tags are known, in parallel with their chunks: the engine
// (wasm fetched and compiled while streaming; the whole engine if one of them trains or steps networks, so formulas
// share it, else the small formulas-only one), and, with formula widgets on the page, the formula engine's first
// calls as soon as it is in. KaTeX is not on this path: widgets fetch it once idle or when they
// first typeset (widgets/lesson-kit/tex.js). Fetching only: nothing is drawn or defined here. Used by the bundle's
// scan and the iframe form.
import { loadEngine, loadWholeEngine } from '../engine/load.js';

// Which engine each widget calls ('none', 'formula', 'network', 'trainer', ...), from the declarations at build
// time (the embed build defines it). A tag missing here (or a kind other than these two) gets the whole engine.
// @ts-ignore
const ENGINES = /** @type {Record<string, string>} */ (__BP_ENGINES__);

/** @param {readonly string[]} tags @returns {Promise<unknown> | null} the engine's promise, if one is needed */
export function warmUp(tags) {
  const kinds = new Set(tags.map((tag) => ENGINES[tag] ?? 'whole'));
  kinds.delete('none');
  if ([...kinds].some((kind) => kind !== 'formula')) loadWholeEngine();  // first: the formula engine then shares it
  if (!kinds.size) return null;
  // Registered before any widget's own callbacks, so these calls run first when the engine arrives.
  return kinds.has('formula') ? loadEngine().then(makeFirstCalls) : loadEngine();
}

/**
 * The formula engine's first calls are its slowest (a browser compiles each wasm function when it first runs, and
 * the glue's first calls are cold too). Made as soon as the engine is in, they usually overlap the download of the
 * widget's own code, which arrives after the engine, instead of delaying its first paint; a widget already waiting
 * waits about as long as its own first calls would have taken.
 * @param {Awaited<ReturnType<typeof loadEngine>>} engine
 */
function makeFirstCalls(engine) {
  const formula = engine.compile('(x+y)*z');
  formula.evaluate({ x: '-2', y: '5', z: '-4' });
  formula.dispose();
}
