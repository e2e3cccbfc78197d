// @ts-check
// The matrix playground page: a form (layer sizes, activation, loss, batch, seed; or a pasted spec) that drives one
// <bp-tensor-graph>, with its state in the address (url-state.js) and a share link. The page checks nothing itself:
// the widget asks the engine, and a refusal comes back as the widget's error (shown there and under the form)
// while every other setting stays as typed. Menus and limits come from the engine's capabilities, the defaults
// from the widget's declaration (the page opens on the same network as a bare <bp-tensor-graph>).
import 'katex/dist/katex.min.css';
import { BpTensorGraph } from '../widgets/bp-tensor-graph/bp-tensor-graph.js';
import { loadCapabilities } from '../engine/load.js';
import { t } from '../i18n/i18n.js';
import '../i18n/tensor-page.js';
import { startShell } from '../shell/shell.js';
import { replaceOptions } from '../train/menus.js';
import { FIELDS, readState, stateUrl } from './url-state.js';
import { createAddressWriter } from './address.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const page = $('tensor-page');
const graph = /** @type {BpTensorGraph} */ ($('tensor'));
const specBox = /** @type {HTMLTextAreaElement} */ ($('f-spec'));
const errorLine = $('input-error');
const shareLink = /** @type {HTMLInputElement} */ ($('share-link'));
const inputs = /** @type {NodeListOf<HTMLInputElement | HTMLSelectElement>} */ (document.querySelectorAll('[data-field]'));
const sourceRadios = /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name=source]'));

let lang = startShell({ onLanguage: (chosen) => { lang = chosen; translate(); graph.setAttribute('lang', chosen); address.write(currentState()); } });
/** @type {Readonly<import('../engine/capabilities.js').Capabilities> | null} */
let capabilities = null;
/** The control the learner changed last: the one a refusal is about. @type {HTMLElement | null} */
let lastChanged = null;
const address = createAddressWriter(shareLink, (state) => stateUrl(new URL(location.href), state, lang));

/** The widget's declared default of an attribute. @param {string} name */
const declaredDefault = (name) => {
  const declared = /** @type {readonly import('../widgets/base/declaration.js').AttributeDeclaration[]} */ (BpTensorGraph.declaration.attributes);
  return declared.find((a) => a.name === name)?.default ?? '';
};
const defaults = Object.fromEntries(FIELDS.map((name) => [name, declaredDefault(name)]));

/** Every [data-i18n] text; those that quote the engine's limits once the engine has said them. */
function translate() {
  document.title = `${t('tensorPage.title', {}, lang)} · Backprop Tutor`;
  const limits = capabilities?.limits.tensor;
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) {
    if (!limits && node.hasAttribute('data-limits')) continue;
    node.textContent = t(node.dataset.i18n ?? '', limits ? { ...limits } : {}, lang);
  }
  if (capabilities) fillMenus(capabilities);
}

/** The activation and loss menus, as the engine lists them. @param {Readonly<import('../engine/capabilities.js').Capabilities>} caps */
function fillMenus(caps) {
  const lossLabel = (/** @type {string} */ name) => {
    const text = t(`tensor.op.${name}`, {}, lang);  // the widget's name for the loss op, in the page's language
    return text === `tensor.op.${name}` ? name : text;
  };
  const fill = (/** @type {string} */ id, /** @type {[string, string][]} */ entries) => {
    const select = /** @type {HTMLSelectElement} */ ($(id)), chosen = select.value;
    replaceOptions(select, entries);
    choose(select, chosen);
  };
  fill('f-activation', caps.activations.map((a) => [a.name, a.label]));
  fill('f-loss', caps.losses.map((l) => [l.name, lossLabel(l.name)]));
}

/** Sets a control's text; a name a menu does not list stays as given, so the engine's message can name it.
 * @param {HTMLInputElement | HTMLSelectElement} control @param {string} text */
function choose(control, text) {
  if (control instanceof HTMLSelectElement && text && ![...control.options].some((o) => o.value === text)) control.append(new Option(text, text));
  control.value = text;
}

const fromSpec = () => [...sourceRadios].some((radio) => radio.checked && radio.value === 'spec');

/** What the form holds now, as the address keeps it. @returns {import('./url-state.js').TensorPageState} */
function currentState() {
  const fields = Object.fromEntries([...inputs].map((input) => [input.dataset.field ?? '', input.value.trim()]));
  return { fields, spec: fromSpec() ? specBox.value : null, at: String(graph.step) };
}

/** Hands the form to the widget (which asks the engine) and writes the address. @param {string | null} [at] */
function apply(at = String(graph.step)) {
  const state = currentState();
  $('sizes').hidden = state.spec !== null;
  $('paste').hidden = state.spec === null;
  if (at !== null) graph.setAttribute('at', at);  // the same step of the new network, where it has one
  for (const name of FIELDS) graph.setAttribute(name, state.fields[name]);
  if (state.spec === null) graph.removeAttribute('spec');
  else graph.setAttribute('spec', state.spec);
  graph.hidden = false;  // hidden until now, so that it starts on the address's network, not on its defaults
  address.write({ ...state, at });
}

/** @param {string} message the engine's (or the widget's) words, or '' when all is well */
function showProblem(message) {
  errorLine.hidden = !message;
  errorLine.textContent = message;
  for (const control of [...inputs, specBox]) {
    if (message && control === lastChanged) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

let typing = 0;
for (const control of [...inputs, specBox]) {
  control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
    lastChanged = control;
    clearTimeout(typing);
    typing = window.setTimeout(() => apply(), control instanceof HTMLSelectElement ? 0 : 300);  // after a pause in typing
  });
}
for (const radio of sourceRadios) {
  radio.addEventListener('change', () => {
    // The first switch to a spec starts from the network shown (the engine's own spec of it), ready to edit.
    if (fromSpec() && specBox.value.trim() === '' && graph.spec) specBox.value = JSON.stringify(graph.spec);
    lastChanged = null;
    apply();
  });
}

graph.addEventListener('bp-tensor-graph-ready', () => { showProblem(''); address.write(currentState()); });
graph.addEventListener('bp-tensor-graph-change', () => address.write(currentState()));
graph.addEventListener('bp-tensor-graph-error', (event) => showProblem(/** @type {CustomEvent} */ (event).detail.message));

$('share').addEventListener('click', async () => {
  address.write(currentState());
  try {
    await navigator.clipboard.writeText(shareLink.value);
    $('share-status').textContent = t('tensorPage.copied', {}, lang);
  } catch {
    $('share-status').textContent = t('tensorPage.copyFailed', {}, lang);  // the link stays selected to copy by hand
  }
  shareLink.select();
});

translate();
graph.setAttribute('lang', lang);
capabilities = await loadCapabilities();
translate();
const initial = readState(new URL(location.href), defaults);
for (const input of inputs) choose(input, initial.fields[input.dataset.field ?? ''] ?? '');
if (initial.spec !== null) {
  specBox.value = initial.spec;
  for (const radio of sourceRadios) radio.checked = radio.value === 'spec';
}
apply(initial.at);
page.dataset.state = 'ready';
