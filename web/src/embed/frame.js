// @ts-check
// The iframe form's logic (/embed.html?widget=graph&expr=...&values=...): reads the address, checks it against the
// widget registry and the widget's declaration, and puts one widget on the page with the parameters as its
// attributes. Parameters are data: an unknown widget, an unknown parameter or an over-long value is refused with a
// message shown as text; values reach the widget only through setAttribute, and the widget reports a bad value (a
// malformed formula, say) itself. `widget=NAME` is the tag without its "bp-" prefix.
import { t, currentLocale } from '../i18n/i18n.js';
import '../i18n/embed.js';
import { WIDGET_TAGS, loadWidget } from '../widgets/registry.js';
import { warmUp } from './warm-up.js';

// The engine's formula length limit (its capabilities), read from the engine by the embed build: the form checks its
// parameters without waiting for the wasm, so the engine's first call is the widget's own work.
// @ts-ignore: defined by the embed build (src/embed/bundling/vite-plugin.mjs)
const MAX_LENGTH = /** @type {number} */ (__BP_FORMULA_LENGTH__);

/**
 * Builds the widget `search` asks for inside `container`; resolves to the element, or null after showing why not.
 * @param {HTMLElement} container @param {string} search e.g. location.search
 */
export async function mountFromQuery(container, search) {
  const params = new URLSearchParams(search);
  const locale = currentLocale();
  const fail = (/** @type {string} */ key, /** @type {Record<string, string|number>} */ vars) => {
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.textContent = t(key, vars, locale);
    container.replaceChildren(p);
    return null;
  };
  const widget = params.get('widget') ?? 'graph';
  const names = WIDGET_TAGS.map((tag) => tag.replace(/^bp-/, ''));
  if (!names.includes(widget)) return fail('frame.unknownWidget', { widget, known: names.join(', ') });
  const tag = `bp-${widget}`;
  warmUp([tag]);  // the engine loads while the widget's own chunk does
  const { declaration } = await loadWidget(tag);
  const known = declaration.attributes.map((attribute) => attribute.name);
  const element = document.createElement(tag);
  for (const [name, value] of params) {
    if (name === 'widget' || name === 'lang') continue;
    if (!known.includes(name)) return fail('frame.unknownParameter', { name, widget, known: known.join(', ') });
    // No attribute of any widget needs more than a formula.
    if (value.length > MAX_LENGTH) return fail('frame.tooLong', { name, max: MAX_LENGTH });
    element.setAttribute(name, value);
  }
  element.setAttribute('lang', locale);
  container.replaceChildren(element);
  return element;
}

/**
 * Tells the parent page the frame's height whenever it changes ({type: "backprop-tutor:resize", height}), for the
 * host's frames.js to size the iframe. The height is no secret, so any parent may read it.
 */
export function reportHeight() {
  if (window.parent === window) return;
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'backprop-tutor:resize', height }, '*');
  }).observe(document.documentElement);
}
