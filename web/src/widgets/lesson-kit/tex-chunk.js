// @ts-check
// KaTeX and its layout rules (its @font-face rules are the document's: see the embed build): the one chunk that
// tex.js loads on demand.
export { default as katex } from 'katex';
export { default as css } from 'katex/dist/katex.min.css?inline';
