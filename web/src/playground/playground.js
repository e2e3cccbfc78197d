// @ts-check
// The playground page: a formula box (the engine's parse errors shown under it, at their column), a row per input,
// the <bp-graph> stepper, a share link that always matches what is on screen (formula, inputs, step, quiz mode,
// language) and SVG/PNG export. The page's state lives in its address, so a reload or a shared link restores it.
// KaTeX's fonts must be declared by the document: @font-face inside the stepper's shadow root is ignored, and
// without them the math is set in fallback fonts (and each step's layout takes twice as long).
import 'katex/dist/katex.min.css';
import '../widgets/bp-graph/bp-graph.js';
import { loadEngine, loadCapabilities } from '../engine/load.js';
import { t } from '../i18n/i18n.js';
import '../i18n/graph.js';
import { startShell } from '../shell/shell.js';
import { EXAMPLES, DEFAULT_EXAMPLE } from './examples.js';
import { readState, stateUrl } from './url-state.js';
import { createInputs } from './inputs.js';
import { createFormulaError } from './formula-error.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const formulaBox = /** @type {HTMLInputElement} */ ($('formula'));
const graph = /** @type {import('../widgets/bp-graph/bp-graph.js').BpGraph} */ ($('graph'));
const shareLink = /** @type {HTMLInputElement} */ ($('share-link'));
const shareStatus = $('share-status');
const formulaError = createFormulaError({ box: $('formula-error'), text: $('formula-error-text'), echo: $('formula-echo'), caret: $('formula-caret') });

let lang = startShell({ onLanguage: (chosen) => { lang = chosen; translate(); graph.setAttribute('lang', chosen); updateUrl(); } });
/** The formula the graph shows (the last one that parsed). */
let shownExpr = '';

const inputs = createInputs($('inputs'), (values) => {
  graph.setAttribute('values', valueList(values));
  updateUrl();
});

/** @param {Record<string, string>} values */
const valueList = (values) => Object.entries(values).map(([name, value]) => `${name}=${value}`).join(', ');

/** The functions the formula language calls by name, as the engine lists them (filled when it is in). */
let functionNames = '';
loadCapabilities().then((capabilities) => {
  functionNames = capabilities.scalar_ops.filter((op) => op.function).map((op) => op.name).join(' ');
  translate();
}, () => {});  // the graph reports an engine that did not load

function translate() {
  document.title = `${t('playground.title', {}, lang)} · Backprop Tutor`;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const key = /** @type {HTMLElement} */ (node).dataset.i18n ?? '';
    // The help line waits for the engine's list of functions rather than keep a copy of it.
    if (key === 'playground.formulaHelp' && !functionNames) continue;
    node.textContent = t(key, { functions: functionNames }, lang);
  }
}

// The share link follows every step at once; the address bar follows a moment later. Browsers rate-limit
// history.replaceState (Chromium takes milliseconds a call once a learner holds an arrow key down), so a run of
// steps writes the address once, when it pauses, and leaving the page writes whatever is still pending.
const URL_DELAY_MS = 250;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let urlTimer;

function writeAddress() {
  clearTimeout(urlTimer);
  urlTimer = undefined;
  if (shareLink.value && shareLink.value !== location.href) history.replaceState(history.state, '', shareLink.value);
}

function updateUrl() {
  if (!shownExpr) return;
  const url = stateUrl(new URL(location.href), { expr: shownExpr, values: inputs.values, step: graph.step, quiz: graph.quiz, lang });
  shareLink.value = url.href;
  clearTimeout(urlTimer);
  urlTimer = setTimeout(writeAddress, URL_DELAY_MS);
}
addEventListener('pagehide', writeAddress);

/**
 * Shows `expr` if the engine can parse it: new input rows (keeping values of names that stay) and a redrawn graph.
 * A formula that does not parse leaves the last good graph in place and points at the error.
 * @param {string} expr @param {Record<string, string>} [values] @param {string|null} [step]
 */
async function setFormula(expr, values = {}, step = null) {
  const engine = await loadEngine();
  let variables;
  try {
    const compiled = engine.compile(expr);
    variables = compiled.variables;
    compiled.dispose();
  } catch (error) {
    const position = /** @type {{position?: number|null}} */ (error).position ?? null;
    const message = /** @type {Error} */ (error).message;
    formulaError.show(position === null ? message : t('graph.errorAt', { message, position }, lang), expr, position);
    graph.toggleAttribute('stale', true);  // the last good graph stays, dimmed and marked out of date
    return;
  }
  formulaError.hide();
  graph.removeAttribute('stale');
  shownExpr = expr;
  const kept = inputs.setVariables(variables, values);
  if (step !== null) graph.setAttribute('step', step);
  graph.setAttribute('values', valueList(kept));
  graph.setAttribute('expr', expr);
  graph.hidden = false;  // hidden until a formula parses, so a bad shared link shows only its error
  updateUrl();
}

let typing = 0;
formulaBox.addEventListener('input', () => {
  clearTimeout(typing);
  typing = window.setTimeout(() => setFormula(formulaBox.value), 250);  // after a pause in typing
});

for (const button of document.querySelectorAll('[data-example]')) {
  button.addEventListener('click', () => {
    const example = EXAMPLES[/** @type {HTMLElement} */ (button).dataset.example ?? ''];
    formulaBox.value = example.expr;
    setFormula(example.expr, example.values, '0');
  });
}

graph.addEventListener('bp-graph-change', updateUrl);
graph.addEventListener('bp-graph-ready', updateUrl);
graph.addEventListener('bp-graph-error', (event) => {
  // Formula errors are caught above; what reaches here is about the inputs (a value that is not a number).
  const { message } = /** @type {CustomEvent} */ (event).detail;
  formulaError.show(message, '', null);
});

$('share').addEventListener('click', async () => {
  updateUrl();
  try {
    await navigator.clipboard.writeText(shareLink.value);
    shareStatus.textContent = t('playground.copied', {}, lang);
  } catch {
    shareStatus.textContent = t('playground.copyFailed', {}, lang);  // the link stays selected to copy by hand
  }
  shareLink.select();
});

/** @param {Blob} blob @param {string} name */
function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
$('export-svg').addEventListener('click', () => {
  const text = graph.toSVG();
  if (text) download(new Blob([text], { type: 'image/svg+xml' }), 'backprop-graph.svg');
});
$('export-png').addEventListener('click', async () => download(await graph.toPNG(), 'backprop-graph.png'));

translate();
graph.setAttribute('lang', lang);
const initial = readState(location.search);
if (initial.quiz) graph.setAttribute('mode', 'quiz');
const start = initial.expr ?? EXAMPLES[DEFAULT_EXAMPLE].expr;
formulaBox.value = start;
setFormula(start, initial.expr === null ? EXAMPLES[DEFAULT_EXAMPLE].values : initial.values, initial.step);
