// @ts-check
// The embed bundle's entry: `<script type="module" src=".../embed/backprop-tutor.js">` on any page defines every
// widget of the registry (<bp-graph>, <bp-softmax>, <bp-network>, ...: each declared in its own file, documented on
// /embed-docs.html from those declarations). The engine's wasm is fetched from beside this file once the page holds
// a widget that needs it. Nothing else is global: the exports are a version, the widgets' declarations (also with their
// docs filled from the engine, for the docs page), the iframe form's mount and a heap probe for leak tests.
import { WIDGET_TAGS, loadWidget, widgetDeclarations } from '../widgets/registry.js';
import { docText } from '../widgets/base/doc-text.js';
import { pageMathWanted, typesetWhenParsed } from './page-math.js';
import { loadCapabilities } from '../engine/load.js';
import { whenTexLoads } from '../widgets/lesson-kit/tex.js';
// The widgets' shared base is part of this file (each widget's own code is a chunk, fetched only by pages that hold
// it), so a widget's chunk is the only script between this file and its first paint. KaTeX comes later, on demand
// (widgets/lesson-kit/tex.js).
import '../widgets/base/bp-element.js';
import '../widgets/base/stepper-element.js';
import '../widgets/base/formula-attributes.js';
import '../widgets/base/example-attributes.js';
import '../widgets/lesson-kit/format.js';
// @ts-ignore: made by the embed build (src/embed/bundling/vite-plugin.mjs): KaTeX's @font-face rules, fonts beside us
import katexFontFaces from 'virtual:katex-fonts';

// @ts-ignore: the root package.json's version, set by the embed build
export const VERSION = __BP_VERSION__;

import { warmUp } from './warm-up.js';

// Fonts are the document's business (an @font-face inside a shadow root is ignored), so KaTeX's are declared for
// the host page through a constructed stylesheet, which a strict style-src allows. Without them the math falls
// back to the host's serif face and lays out more slowly. They are declared when KaTeX is first fetched, not
// before: a new sheet on the document restyles the whole page, which would delay a widget's first paint.
whenTexLoads(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(katexFontFaces);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
});

// Only the widgets the page holds are defined (each is a chunk beside this file, fetched on demand), and the engine
// is fetched and compiled as soon as one needs it, in parallel with the rest of the page (each widget's own work
// still waits until it scrolls into view). Widgets that arrive later (a script, or a theme's client-side page swap
// replacing <main>) are found by a MutationObserver.
const pending = new Set(WIDGET_TAGS);
let scanQueued = false;
function scan() {
  scanQueued = false;
  const found = [...pending].filter((tag) => document.querySelector(tag));
  if (!found.length) return;
  for (const tag of found) pending.delete(tag);
  warmUp(found);
  Promise.all(found.map(loadWidget)).catch((error) => console.error('backprop-tutor:', error));
}
const queueScan = () => { if (!scanQueued && pending.size) { scanQueued = true; queueMicrotask(scan); } };
queueScan();
new MutationObserver(queueScan).observe(document, { childList: true, subtree: true });
if (pageMathWanted(import.meta.url)) typesetWhenParsed();

export { mountFromQuery, reportHeight } from './frame.js';
// Bytes in use on the wasm heaps (loads the formula engine if no widget has yet): for leak checks, not for pages.
export { heapBytesInUse } from '../engine/load.js';
export { widgetDeclarations };

/** The widgets' declarations with their docs' placeholders ({activations}, {limits...}) filled from the engine. */
export async function widgetDocs() {
  const [declarations, capabilities] = await Promise.all([widgetDeclarations(), loadCapabilities()]);
  return declarations.map((declaration) => ({ ...declaration,
    attributes: declaration.attributes.map((attribute) => ({ ...attribute, doc: docText(attribute.doc, capabilities) })) }));
}
