// @ts-check
// The embed bundle's entry: `<script type="module" src=".../embed/backprop-tutor.js">` on any page defines
// <bp-graph>, <bp-softmax>, <bp-network>, <bp-trainer> and <bp-math> (each documented in its own file and on
// /embed-docs.html). The engine's wasm is fetched from beside this file once the page holds a widget.
// Nothing else is global: the exports are a version, the iframe form's mount and a heap probe for leak tests.
import '../widgets/bp-graph/bp-graph.js';
import '../widgets/bp-softmax/bp-softmax.js';
import '../widgets/bp-network/bp-network.js';
import '../widgets/bp-trainer/bp-trainer.js';
import '../widgets/bp-math/bp-math.js';
import { loadEngine } from '../engine/load.js';

export const VERSION = '0.1.0';

// The engine (one wasm module for every widget) is fetched and compiled as soon as the page holds a widget, in
// parallel with the rest of the page; each widget's own work still waits until it scrolls into view.
const prefetch = () => { if (document.querySelector('bp-graph, bp-softmax, bp-network, bp-trainer')) loadEngine(); };
prefetch();
if (document.readyState === 'loading' || document.readyState === 'interactive') {
  document.addEventListener('DOMContentLoaded', prefetch, { once: true });
}

/** Bytes in use on the wasm heap (loads the engine if no widget has yet): for leak checks, not for pages. */
export async function heapBytesInUse() {
  return (await loadEngine()).heapBytesInUse();
}

export { mountFromQuery } from './frame.js';
