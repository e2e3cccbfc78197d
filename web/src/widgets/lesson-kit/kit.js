// @ts-check
// Small pieces widgets and pages share: the widget's language (from the nearest [lang] ancestor, so a widget in
// the Chinese text speaks Chinese), KaTeX into elements (tex.js: fetched on demand), and element creation. The
// widget life cycle itself is the base element's (../base/). No math: numbers come from the engine, this only
// renders them.
import { currentLocale, t } from '../../i18n/i18n.js';

export { texNode } from './tex.js';

/** The language a widget speaks. @param {Element} element */
export function localeOf(element) {
  const lang = element.closest('[lang]')?.getAttribute('lang');
  return lang === 'en' || lang === 'zh-CN' ? lang : currentLocale();
}

/** `t` in the widget's language. @param {Element} element @param {string} key @param {Record<string, string|number>} [params] */
export const say = (element, key, params) => t(key, params, localeOf(element));

/**
 * Creates an element with properties (by their DOM names, typed per tag: element-props.d.ts), attributes (class,
 * role, for, part, aria-*, data-*) and children.
 * @template {keyof HTMLElementTagNameMap} K @param {K} tag
 * @param {import('./element-props.js').ElementProps<K>} [props] @param {(Node|string)[]} [children]
 */
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
