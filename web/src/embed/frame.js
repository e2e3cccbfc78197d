// @ts-check
// The iframe form's logic (/embed.html?widget=graph&expr=...&values=...): reads the address, checks it, and puts
// one widget on the page with the parameters as its attributes. Parameters are data: an unknown widget, an unknown
// parameter or an over-long value is refused with a message shown as text; values reach the widget only through
// setAttribute, and the widget reports a bad value (a malformed formula, say) itself.
import { t, currentLocale } from '../i18n/i18n.js';
import '../i18n/embed.js';

/** Widget name in the address -> element. */
const WIDGETS = { graph: 'bp-graph', softmax: 'bp-softmax', network: 'bp-network', trainer: 'bp-trainer' };
/** As long as the engine's formula limit: anything longer cannot be a valid value. */
const MAX_VALUE = 10000;

/**
 * Builds the widget `search` asks for inside `container`; returns the element, or null after showing why not.
 * @param {HTMLElement} container @param {string} search e.g. location.search
 */
export function mountFromQuery(container, search) {
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
  const tag = WIDGETS[/** @type {keyof typeof WIDGETS} */ (widget)];
  if (!Object.hasOwn(WIDGETS, widget)) return fail('frame.unknownWidget', { widget });
  const known = /** @type {string[]} */ (/** @type {any} */ (customElements.get(tag))?.observedAttributes ?? [])
    .filter((name) => name !== 'lang').concat(tag === 'bp-trainer' ? ['autoplay'] : []);
  const element = document.createElement(tag);
  for (const [name, value] of params) {
    if (name === 'widget' || name === 'lang') continue;
    if (!known.includes(name)) return fail('frame.unknownParameter', { name, widget, known: known.join(', ') });
    if (value.length > MAX_VALUE) return fail('frame.tooLong', { name, max: MAX_VALUE });
    element.setAttribute(name, value);
  }
  element.setAttribute('lang', locale);
  container.replaceChildren(element);
  return element;
}
