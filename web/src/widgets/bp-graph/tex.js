// @ts-check
// The stepper's way of typesetting the engine's LaTeX: KaTeX into a fresh element (DOM nodes with CSSOM styles,
// so it works under a strict Content-Security-Policy). Shared by <bp-graph> and the training page's chain rule.
import katex from 'katex';

/** @param {string} tex @param {boolean} display a block (div) or inline (span) */
export function texElement(tex, display) {
  const node = document.createElement(display ? 'div' : 'span');
  katex.render(tex, node, { displayMode: display, throwOnError: false });
  return node;
}
