// @ts-check
// The home page's "try a formula" box: sends the formula and values to the engine and lists value and gradients.
import { loadEngine } from '../engine/load.js';
import { parseValueList } from '../state/value-list.js';

const form = /** @type {HTMLFormElement} */ (document.getElementById('quick-grad'));
const formulaInput = /** @type {HTMLInputElement} */ (document.getElementById('formula'));
const valuesInput = /** @type {HTMLInputElement} */ (document.getElementById('values'));
const errorBox = /** @type {HTMLElement} */ (document.getElementById('quick-error'));
const result = /** @type {HTMLOutputElement} */ (document.getElementById('quick-result'));

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
compute();
