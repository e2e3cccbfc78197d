// @ts-check
// Page math, opt-in: with `data-typeset-page` on the bundle's script tag (or the loader's), the page's own TeX
// written for MathJax ($$…$$ and \[…\] display, \(…\) inline) is typeset with the bundled KaTeX once the page is
// parsed. KaTeX renders into nodes (katex.render), which set styles through the CSSOM, and its CSS is adopted as a
// constructed sheet: a strict style-src allows both. Text is only ever read as TeX; code, pre, textarea and widgets are skipped.

import { loadTex, texSheet } from '../widgets/lesson-kit/tex.js';

const MATH = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)/g;
const SKIP = 'script, style, textarea, code, pre, noscript, kbd, samp, .katex, [contenteditable], [data-no-typeset]';

/** Whether a script tag of this bundle's folder asks for page math. @param {string} bundleUrl import.meta.url */
export function pageMathWanted(bundleUrl) {
  const folder = new URL('.', bundleUrl).href;
  return [...document.querySelectorAll('script[data-typeset-page]')].some((script) =>
    /** @type {HTMLScriptElement} */ (script).src && new URL('.', /** @type {HTMLScriptElement} */ (script).src).href === folder);
}

/** Typesets `root`'s TeX once the document is parsed. @param {ParentNode} [root] */
export async function typesetWhenParsed(root) {
  if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const katex = await loadTex();
  // The widgets' KaTeX sheet, adopted by the document too: the same rules, parsed once.
  if (texSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, texSheet];
  typeset(root ?? document.body, katex);
}

/** Replaces each TeX span in the text under `root` with KaTeX's rendering. @param {ParentNode} root @param {any} katex */
function typeset(root, katex) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** @type {Text[]} */
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = /** @type {Text} */ (node);  // SHOW_TEXT: only text nodes come
    if (parent && !parent.closest(SKIP) && !/^bp-/.test(parent.localName) && /\$\$|\\\(|\\\[/.test(text.data)) texts.push(text);
  }
  for (const text of texts) {
    const parts = document.createDocumentFragment();
    let last = 0;
    for (const match of text.data.matchAll(MATH)) {
      const index = match.index ?? 0;
      parts.append(text.data.slice(last, index));
      const display = match[3] === undefined;
      const span = document.createElement('span');
      span.className = display ? 'bp-page-math display' : 'bp-page-math';
      const tex = match[1] ?? match[2] ?? match[3];
      // throwOnError: KaTeX's own error node carries a style attribute, which a strict CSP refuses; the source stays text.
      try { katex.render(tex, span, { displayMode: display, throwOnError: true, trust: false, maxExpand: 1000 }); } catch { span.textContent = match[0]; span.classList.add('error'); }
      parts.append(span);
      last = index + match[0].length;
    }
    if (last === 0) continue;
    parts.append(text.data.slice(last));
    text.replaceWith(parts);
  }
}
