// @ts-check
// The home page: the site shell, the live hero (the apple-shop graph, hero.js), and the "try a formula" box that
// sends a formula and its values to the engine and lists the value and the gradients. Texts follow the language
// switch; every number comes from the engine.
import 'katex/dist/katex.min.css';
import '../widgets/bp-graph/bp-graph.js';
import { loadEngine } from '../engine/load.js';
import { parseValueList } from '../state/value-list.js';
import { t } from '../i18n/i18n.js';
import '../i18n/home.js';
import { startShell } from '../shell/shell.js';
import { startHero } from './hero.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('quick-grad'));
const formulaInput = /** @type {HTMLInputElement} */ ($('formula'));
const valuesInput = /** @type {HTMLInputElement} */ ($('values'));
const errorBox = $('quick-error');
const result = /** @type {HTMLOutputElement} */ ($('quick-result'));
const graph = /** @type {import('../widgets/bp-graph/bp-graph.js').BpGraph} */ ($('hero-graph'));
const toggle = /** @type {HTMLButtonElement} */ ($('hero-toggle'));

let lang = startShell({ onLanguage: (chosen) => { lang = chosen; translate(); } });

function translate() {
  document.title = t('home.title', {}, lang);
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('main [data-i18n]'))) {
    node.textContent = t(node.dataset.i18n ?? '', {}, lang);
  }
  graph.setAttribute('lang', lang);
}

async function compute() {
  const engine = await loadEngine();
  errorBox.hidden = true;
  try {
    const report = engine.grad(formulaInput.value, parseValueList(valuesInput.value));
    const lines = [`f = ${report.value}`, ...Object.entries(report.grads).map(([name, g]) => `∂f/∂${name} = ${g}`)];
    result.replaceChildren(...lines.map((line) => Object.assign(document.createElement('div'), { textContent: line })));
    result.dataset.value = String(report.value);
  } catch (error) {
    const position = /** @type {any} */ (error).position;
    errorBox.textContent = position == null ? error.message : `${error.message} at column ${position}`;
    errorBox.hidden = false;
    result.replaceChildren();
    delete result.dataset.value;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  compute();
});
translate();
startHero(graph, toggle, (playing) => {
  toggle.dataset.i18n = playing ? 'home.pause' : 'home.play';
  toggle.textContent = t(toggle.dataset.i18n, {}, lang);
});
compute();
