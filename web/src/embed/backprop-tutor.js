// @ts-check
// The embed bundle's entry: `<script type="module" src=".../embed/backprop-tutor.js">` on any page defines every
// widget of the registry (<bp-graph>, <bp-softmax>, <bp-network>, ...: each declared in its own file, documented on
// /embed-docs.html from those declarations). The engine's wasm is fetched from beside this file once the page holds
// a widget that needs it. Nothing else is global: the exports are a version, the widgets' declarations (also with their
// docs filled from the engine, for the docs page), the iframe form's mount and a heap probe for leak tests.
import { loadAllWidgets, widgetDeclarations } from '../widgets/registry.js';
import { docText } from '../widgets/base/doc-text.js';
import { loadEngine, loadCapabilities } from '../engine/load.js';
// @ts-ignore: made by the embed build (src/embed/bundling/vite-plugin.mjs): KaTeX's @font-face rules, fonts beside us
import katexFontFaces from 'virtual:katex-fonts';

export const VERSION = '0.1.0';

// Fonts are the document's business (an @font-face inside a shadow root is ignored), so KaTeX's are declared for
// the host page through a constructed stylesheet, which a strict style-src allows. Without them the math falls
// back to the host's serif face and lays out more slowly. They are declared once the engine is in (widgets draw
// math only then), so their downloads never compete with the wasm's.
let fontsDeclared = false;
function declareFonts() {
  if (fontsDeclared) return;
  fontsDeclared = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(katexFontFaces);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

// The engine (one wasm module for every widget) is fetched and compiled as soon as the page holds a widget, in
// parallel with the rest of the page; each widget's own work still waits until it scrolls into view.
const widgets = loadAllWidgets();
const prefetch = () => widgets.then((classes) => {
  const present = classes.filter((widget) => document.querySelector(widget.declaration.tag));
  if (present.some((widget) => widget.declaration.engine !== 'none')) loadEngine().then(declareFonts, declareFonts);
  else if (present.length) declareFonts();
});
prefetch();
if (document.readyState === 'loading' || document.readyState === 'interactive') {
  document.addEventListener('DOMContentLoaded', prefetch, { once: true });
}
// Widgets a page adds later (by script) still get the fonts: a second after the page has loaded at the latest.
const declareSoon = () => setTimeout(declareFonts, 1000);
if (document.readyState === 'complete') declareSoon();
else addEventListener('load', declareSoon, { once: true });

/** Bytes in use on the wasm heap (loads the engine if no widget has yet): for leak checks, not for pages. */
export async function heapBytesInUse() {
  return (await loadEngine()).heapBytesInUse();
}

export { mountFromQuery } from './frame.js';
export { widgetDeclarations };

/** The widgets' declarations with their docs' placeholders ({activations}, {limits...}) filled from the engine. */
export async function widgetDocs() {
  const [declarations, capabilities] = await Promise.all([widgetDeclarations(), loadCapabilities()]);
  return declarations.map((declaration) => ({ ...declaration,
    attributes: declaration.attributes.map((attribute) => ({ ...attribute, doc: docText(attribute.doc, capabilities) })) }));
}
