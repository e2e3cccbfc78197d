// @ts-check
// Small pieces widgets and pages share: the widget's language (from the nearest [lang] ancestor, so a widget in
// the Chinese text speaks Chinese), KaTeX into elements, and element creation. The widget life cycle itself is
// the base element's (../base/). No math: numbers come from the engine, this only renders them.
import katex from 'katex';
import { TEX_OPTIONS } from './tex-options.js';
import { currentLocale, t } from '../../i18n/i18n.js';
import '../../i18n/lesson-widgets.js';

/** The language a widget speaks. @param {Element} element */
export function localeOf(element) {
  const lang = element.closest('[lang]')?.getAttribute('lang');
  return lang === 'en' || lang === 'zh-CN' ? lang : currentLocale();
}

/** `t` in the widget's language. @param {Element} element @param {string} key @param {Record<string, string|number>} [params] */
export const say = (element, key, params) => t(key, params, localeOf(element));

/**
 * TeX rendered into a new element. Prefer this to `tex` + innerHTML: KaTeX's inline styles then go through the
 * CSSOM, which a strict Content-Security-Policy (style-src 'self') allows, while parsed style="" attributes are blocked.
 * @param {string} source @param {boolean} [display]
 */
export function texNode(source, display = false) {
  const key = `${display ? 'D' : 'I'}${source}`;
  let typeset = typesetCache.get(key);
  if (!typeset) {
    typeset = document.createElement(display ? 'div' : 'span');
    katex.render(source, typeset, { ...TEX_OPTIONS, displayMode: display, throwOnError: false });
    if (typesetCache.size > 500) typesetCache.clear();  // bounded: labels repeat, arbitrary formulas need not
    typesetCache.set(key, typeset);
  }
  return /** @type {HTMLElement} */ (typeset.cloneNode(true));
}
// Typesetting is the costly part of a widget's first paint (a page of softmax widgets shares its few labels).
/** @type {Map<string, HTMLElement>} */
const typesetCache = new Map();

/** Creates an element with properties and children. @template {keyof HTMLElementTagNameMap} K @param {K} tag @param {Record<string, unknown>} [props] @param {(Node|string)[]} [children] */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = String(value);
    else if (key.startsWith('aria-') || key.startsWith('data-') || key === 'role' || key === 'for' || key === 'part') node.setAttribute(key, String(value));
    else Object.assign(node, { [key]: value });
  }
  node.append(...children);
  return node;
}
