// @ts-check
// Starts what a page's widgets will need as soon as their tags are known, in parallel with their chunks: the engine
// (wasm fetched and compiled while streaming; the whole engine if one of them trains or steps networks, so formulas
// share it, else the small formulas-only one). KaTeX is not on this path: widgets fetch it once idle or when they
// first typeset (widgets/lesson-kit/tex.js). Fetching only: nothing is drawn, defined or called here. Used by the
// bundle's scan and the iframe form. (Making the engine's first calls here, ahead of the widget, was tried: the
// widget's chunk arrives with the engine, so they only added their cost, 6-15 ms, to its first paint.)
import { loadEngine, loadWholeEngine } from '../engine/load.js';

// Which engine each widget calls ('none', 'formula', 'network', 'trainer', ...), from the declarations at build
// time (the embed build defines it). A tag missing here (or a kind other than these two) gets the whole engine.
// @ts-ignore
const ENGINES = /** @type {Record<string, string>} */ (__BP_ENGINES__);

/** @param {readonly string[]} tags the tags of widgets on the page */
export function warmUp(tags) {
  const kinds = new Set(tags.map((tag) => ENGINES[tag] ?? 'whole'));
  kinds.delete('none');
  const ignore = () => {};  // a failure is each widget's to show, in words (engine/load.js)
  if ([...kinds].some((kind) => kind !== 'formula')) loadWholeEngine().catch(ignore);  // first: formulas then share it
  if (kinds.has('formula')) loadEngine().catch(ignore);
}
