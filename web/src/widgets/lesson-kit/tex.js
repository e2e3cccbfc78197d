// @ts-check
// KaTeX on demand. The typesetter and its stylesheet are a chunk of their own (tex-chunk.js, ~260 KB), fetched the
// first time something typesets, or once the page is idle after its first widget is ready: no widget's first
// interactive paint waits for it. Math asked for before it arrives is a placeholder that is typeset in place when it
// does; `texSheet`, which every shadow root adopts from the start, receives KaTeX's rules at the same moment.
import { TEX_OPTIONS } from './tex-options.js';

/** @typedef {typeof import('katex').default} Katex */
/** @type {Katex | null} */
let katex = null;
/** @type {Promise<Katex> | null} */
let loading = null;

/** KaTeX's layout rules as one constructed sheet, empty until KaTeX is in (null where there is no DOM: build tools). */
export const texSheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : null;

/** What runs when KaTeX is first fetched (the embed bundle declares KaTeX's fonts then). @type {(() => void)[]} */
const onFirstLoad = [];

/** Runs `callback` when KaTeX is first fetched, or now if it has been. @param {() => void} callback */
export function whenTexLoads(callback) {
  if (loading) callback();
  else onFirstLoad.push(callback);
}

/** KaTeX, fetched once. @returns {Promise<Katex>} */
export function loadTex() {
  if (!loading) for (const callback of onFirstLoad.splice(0)) callback();
  loading ??= import('./tex-chunk.js').then((chunk) => {
    texSheet?.replaceSync(chunk.css);
    katex = chunk.katex;
    return chunk.katex;
  });
  return loading;
}

let prefetchQueued = false;
/** Fetches KaTeX when the page has nothing better to do (after a widget's first paint), so the math of its next
 * step is typeset at once. requestIdleCallback where there is one (not in Safari), else a short timeout. */
export function loadTexWhenIdle() {
  if (prefetchQueued || loading) return;
  prefetchQueued = true;
  const fetchTex = () => { loadTex().catch(() => {}); };
  if ('requestIdleCallback' in globalThis) requestIdleCallback(fetchTex, { timeout: 500 });
  else setTimeout(fetchTex, 50);
}

// Typesetting is the costly part of a widget's first paint (a page of softmax widgets shares its few labels).
/** @type {Map<string, HTMLElement>} */
const typesetCache = new Map();

/**
 * TeX rendered into a new element: at once if KaTeX is in, else as soon as it is (the element is returned empty
 * and aria-busy until then). KaTeX's inline styles go through the CSSOM, which a strict Content-Security-Policy
 * (style-src 'self') allows, while parsed style="" attributes are blocked.
 * @param {string} source @param {boolean} [display]
 */
export function texNode(source, display = false) {
  const key = `${display ? 'D' : 'I'}${source}`;
  const typeset = typesetCache.get(key);
  if (typeset) return /** @type {HTMLElement} */ (typeset.cloneNode(true));
  const node = document.createElement(display ? 'div' : 'span');
  if (katex) return typesetInto(katex, node, key, source, display);
  node.setAttribute('aria-busy', 'true');
  loadTex().then((loaded) => typesetInto(loaded, node, key, source, display), () => { node.textContent = source; })
    .finally(() => node.removeAttribute('aria-busy'));
  return node;
}

/** @param {Katex} tex @param {HTMLElement} node @param {string} key @param {string} source @param {boolean} display */
function typesetInto(tex, node, key, source, display) {
  tex.render(source, node, { ...TEX_OPTIONS, displayMode: display, throwOnError: false });
  if (typesetCache.size > 500) typesetCache.clear();  // bounded: labels repeat, arbitrary formulas need not
  typesetCache.set(key, /** @type {HTMLElement} */ (node.cloneNode(true)));
  return node;
}
