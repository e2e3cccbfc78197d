// @ts-check
// Small pieces every lesson widget shares: the widget's language (from the nearest [lang] ancestor, so a widget in
// the Chinese text speaks Chinese), KaTeX inside a shadow root, the common widget look, and attribute reading.
// No math: numbers come from the engine, this only renders them.
import katex from 'katex';
import katexCss from 'katex/dist/katex.min.css?inline';
import { currentLocale, t } from '../../i18n/i18n.js';
import '../../i18n/lesson-widgets.js';
import { parseValueList } from '../../state/value-list.js';

/** The language a widget speaks. @param {Element} element */
export function localeOf(element) {
  const lang = element.closest('[lang]')?.getAttribute('lang');
  return lang === 'en' || lang === 'zh-CN' ? lang : currentLocale();
}

/** `t` in the widget's language. @param {Element} element @param {string} key @param {Record<string, string|number>} [params] */
export const say = (element, key, params) => t(key, params, localeOf(element));

/** TeX to HTML (KaTeX); bad TeX shows as text rather than throwing. @param {string} tex @param {boolean} [display] */
export const tex = (tex, display = false) => katex.renderToString(tex, { displayMode: display, throwOnError: false });

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
    katex.render(source, typeset, { displayMode: display, throwOnError: false });
    if (typesetCache.size > 500) typesetCache.clear();  // bounded: labels repeat, arbitrary formulas need not
    typesetCache.set(key, typeset);
  }
  return /** @type {HTMLElement} */ (typeset.cloneNode(true));
}
// Typesetting is the costly part of a widget's first paint (a page of softmax widgets shares its few labels).
/** @type {Map<string, HTMLElement>} */
const typesetCache = new Map();

/** The `values` attribute as {name: text}. @param {Element} element */
export const valuesOf = (element) => parseValueList(element.getAttribute('values') ?? '');

/** Shared widget styles (site colours come through the CSS variables, which cross the shadow boundary). */
export const WIDGET_CSS = `${katexCss}
* { box-sizing: border-box; }
:host { display: block; color: var(--fg, #1d1d1f); font: inherit; }
.box { background: var(--card, #fff); border: 1px solid var(--border, #d9d6cf); border-radius: 10px; padding: 0.8rem 1rem; }
.title { font-weight: 700; margin: 0 0 0.5rem; }
.box > :first-child { margin-top: 0; }
button { font: inherit; background: var(--accent, #2f5bd3); color: var(--bg, #fff); border: 0; border-radius: 6px;
  padding: 0.35rem 0.8rem; cursor: pointer; }
button.quiet { background: transparent; color: var(--accent, #2f5bd3); border: 1px solid var(--border, #d9d6cf); }
button:focus-visible, input:focus-visible { outline: 3px solid var(--accent, #2f5bd3); outline-offset: 2px; }
input { font: inherit; color: inherit; background: var(--bg, #fff); border: 1px solid var(--border, #d9d6cf);
  border-radius: 6px; padding: 0.3rem 0.5rem; }
.num { font-variant-numeric: tabular-nums; }
.ok { color: #1e7d32; font-weight: 600; }
.bad { color: var(--error, #b3261e); font-weight: 600; }
.muted { color: var(--muted, #5f6368); font-size: 0.9em; }
.scroll { overflow-x: auto; }
@media (prefers-color-scheme: dark) { .ok { color: #81c995; } }
`;

// One constructed sheet per distinct CSS text, shared by every widget of a kind: constructable stylesheets are not
// inline styles, so a page with `style-src 'self'` accepts them, and 50 widgets parse their CSS once, not 50 times.
/** @type {Map<string, CSSStyleSheet>} */
const sheets = new Map();
/** @param {string} css */
function sheetFor(css) {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/** Attaches an open shadow root with the shared styles plus `css`; returns the element to fill. @param {HTMLElement} host @param {string} [css] */
export function shadowBox(host, css = '') {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheetFor(WIDGET_CSS), sheetFor(css)];
  const body = document.createElement('div');
  root.replaceChildren(body);
  return body;
}

/** Creates an element with properties and children. @template {keyof HTMLElementTagNameMap} K @param {K} tag @param {Record<string, any>} [props] @param {(Node|string)[]} [children] */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('aria-') || key.startsWith('data-') || key === 'role' || key === 'for') node.setAttribute(key, value);
    else /** @type {any} */ (node)[key] = value;
  }
  node.append(...children);
  return node;
}
