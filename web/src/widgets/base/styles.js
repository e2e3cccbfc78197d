// @ts-check
// The styles every widget's shadow root adopts: the shared tokens (one colour per meaning, light and dark through
// light-dark()), KaTeX's layout rules (filled in when KaTeX arrives: lesson-kit/tex.js), and the common widget
// look (box, buttons, inputs, feedback, numbers, value/gradient text). Constructed stylesheets, one per distinct
// text: a strict CSP (style-src 'self') accepts them, and fifty widgets on a page parse their CSS once. KaTeX's
// @font-face rules are the document's business.
import { texSheet } from '../lesson-kit/tex.js';
import tokensCss from '../../styles/tokens.css?inline';

const WIDGET_CSS = `
* { box-sizing: border-box; }
:host { display: block; color: var(--bp-fg); font: inherit; }
:host([hidden]) { display: none; }
.box { background: var(--bp-card); border: 1px solid var(--bp-border); border-radius: var(--bp-radius); padding: 0.8rem 1rem; }
.box > :first-child { margin-top: 0; }
.title { font-weight: 700; margin: 0 0 0.5rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin-bottom: 0.5rem; }
button { font: inherit; background: var(--bp-accent); color: var(--bp-on-accent); border: 1px solid var(--bp-accent);
  border-radius: 6px; padding: 0.35rem 0.8rem; min-height: 2.25rem; cursor: pointer; }
button.quiet { background: transparent; color: var(--bp-accent); border-color: var(--bp-border); }
button:disabled { opacity: 0.5; cursor: default; }
button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--bp-accent); outline-offset: 2px; }
@media (pointer: coarse) { button { min-height: var(--bp-touch); min-width: var(--bp-touch); } }
input, select { font: inherit; color: inherit; background: var(--bp-bg); border: 1px solid var(--bp-border);
  border-radius: 6px; padding: 0.3rem 0.5rem; }
table { border-collapse: collapse; }
td, th { border: 1px solid var(--bp-border); padding: 0.2rem 0.55rem; text-align: right; }
.num { font-variant-numeric: tabular-nums; }
.muted { color: var(--bp-muted); font-size: 0.9em; }
.scroll { overflow-x: auto; max-width: 100%; }
/* One colour per quantity, and a second cue besides hue: values upright, gradients italic. */
.value, .bp-value { color: var(--bp-value); font-style: normal; }
.grad, .bp-grad { color: var(--bp-grad); font-style: italic; }
/* Right and wrong answers: their own colours, always with a mark. */
.correct { color: var(--bp-correct); font-weight: 600; }
.correct::before { content: "✓ "; }
.wrong, .error { color: var(--bp-wrong); font-weight: 600; white-space: pre-wrap; overflow-wrap: anywhere; }
.wrong::before, .error::before { content: "✗ "; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** @type {Map<string, CSSStyleSheet>} */
const sheets = new Map();

/** One shared constructed sheet per CSS text. @param {string} css */
export function sheetFor(css) {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/** The sheets of a widget whose own rules are `css`. @param {string} css */
export const widgetSheets = (css) =>
  [sheetFor(tokensCss), ...(texSheet ? [texSheet] : []), sheetFor(WIDGET_CSS), sheetFor(css)];
