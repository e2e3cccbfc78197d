// @ts-check
// The training page: composes the worker client (client.js), the state in the address (state.js) and the
// renderers (render/*). Settings change the state, which rewrites the URL and restarts training in the worker;
// snapshots from the worker are drawn; clicks and keys become commands. It holds no numbers of its own: what it
// shows is what the engine sent, its menus (datasets, activations, optimisers, rates, classes) and ranges included:
// they come from the engine's capabilities, which the worker sends first. Not a renderer, no math beyond epochs.
import 'katex/dist/katex.min.css';
import { t as translate } from '../i18n/i18n.js';
import '../i18n/train.js';
import { startShell } from '../shell/shell.js';
import { createTrainClient } from './client.js';
import { readState, writeState, paramTexts, trainerConfig, classCount, trainChoices, rangeTexts, GROUPS, MAX_POINTS } from './state.js';
import { VIEW } from './view.js';
import { drawBoundary, drawPoints, hitTest } from './render/boundary.js';
import { drawNeurons } from './render/neurons.js';
import { drawNetwork } from './render/network.js';
import { createCurves } from './render/curves.js';
import { replaceOptions } from './menus.js';
import { renderSample, renderChain, show } from './render/sample-panel.js';
import { buildGallery, updateGallery } from './render/digits.js';
import { readPalette } from './render/colors.js';
import { startBatchLink } from './batch-link.js';
import { bindShortcuts } from './shortcuts.js';
import { createAsks } from './asks.js';
import { showDivergence } from './render/divergence.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const page = $('train-page');
const boundary = /** @type {HTMLCanvasElement} */ ($('boundary'));
const networkCanvas = /** @type {HTMLCanvasElement} */ ($('network-canvas'));
const byGrad = /** @type {HTMLInputElement} */ ($('by-grad'));
const controls = /** @type {NodeListOf<HTMLInputElement|HTMLSelectElement>} */ (document.querySelectorAll('[data-param]'));

let lang = startShell({ onLanguage: (chosen) => {
  lang = chosen;
  applyTexts();
  curves.relabel(curveLabels());
  syncUrl();
  if (view.sample) showSample(view.sample);
  if (view.weight) explain();
} });
/** @param {string} key @param {Record<string, string|number>} [params] */
const t = (key, params) => translate(key, params, lang);

const client = createTrainClient({
  onConfigured(description, data) {
    view.description = description;
    view.data = data;
    view.pointsDrawn = '';
    view.row = null;
    view.sample = null;
    view.weight = null;
    curves.clear();
    $('sample-body').replaceChildren();
    $('chain').replaceChildren();
    $('weight-form').hidden = true;
    $('divergence').hidden = true;
    const digits = description.dataset.d !== 2;
    $('plane').hidden = digits;
    $('digits-view').hidden = !digits;
    $('view-label').dataset.i18n = digits ? 'train.digitsTitle' : 'train.boundary';
    $('view-label').textContent = t($('view-label').dataset.i18n ?? '');
    if (digits) {
      // Up to 60 digits: the held-out ones when there are some (the network never trained on those).
      const first = description.dataset.test_rows > 0 ? description.dataset.train_rows : 0;
      const rows = Array.from({ length: Math.min(60, data.n - first) }, (_, i) => first + i);
      buildGallery($('gallery'), data, rows, (row) => inspect(row), (row, label) => t('train.digitName', { row, label }));
    }
    fillWeightPicker();
    page.dataset.state = 'ready';
  },
  onSnapshot(snapshot) {
    view.snapshot = snapshot;
    view.playing = snapshot.playing;
    requestAnimationFrame(() => { draw(); client.drawn(); });
  },
  onError(request, message) {
    if (request === 'configure') showNotes([t('train.configError', { message })]);
    else showNotes([t('train.engineError', { message })]);
    page.dataset.state = 'error';
  },
});

// The engine's menus and ranges: nothing below runs before the worker has loaded the engine (a configure could not
// run earlier anyway).
const capabilities = await client.ready.catch((/** @type {Error} */ error) => {
  const box = $('notes');
  box.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('train.engineError', { message: error.message }) }));
  box.hidden = false;
  page.dataset.state = 'error';
  throw error;  // nothing below can run without the engine
});
const choices = trainChoices(capabilities);
const ranges = rangeTexts(choices);
const initial = readState(location.search, choices);
/** Everything the page shows, in one object: the settings, what the worker last said, and the learner's picks. */
const view = {
  state: initial.state,
  notes: initial.notes,
  /** @type {import('./protocol.js').Description | null} */ description: null,
  /** @type {import('./protocol.js').DataRows | null} */ data: null,
  /** @type {import('./client.js').Snapshot | null} */ snapshot: null,
  playing: false,
  /** @type {number | null} */ row: null,
  /** @type {import('../engine/trainer.js').SampleTrace | null} */ sample: null,
  /** @type {{layer: number, from: number, to: number} | null} */ weight: null,
  /** steps of the snapshot the shown sample was taken at */ sampleSteps: -1,
  clickMode: 'inspect',
  /** the learner has typed in the row box since their last ask: a reply then leaves the box alone */ rowTyped: false,
  /** @type {import('./client.js').Snapshot | null} the last snapshot whose curve points were taken */ added: null,
  /** the inspected row the points were last drawn with ('' after new data: draw again) */ pointsDrawn: '',
  /** which slow part (curves, neuron maps, network) the next snapshot redraws while playing */ turn: 0,
  /** the tokens' colours under the current theme (read again when it changes) */ palette: readPalette(page),
};

const curveLabels = () => ({ loss: t('train.lossAxis'), accuracy: t('train.accuracyAxis'), train: t('train.trainSeries'),
  test: t('train.testSeries'), step: t('train.stepAxis') });
const curves = createCurves(/** @type {HTMLCanvasElement} */ ($('loss-chart')),
  /** @type {HTMLCanvasElement} */ ($('accuracy-chart')), curveLabels(), view.palette);

// ---- settings -----------------------------------------------------------------------------------------------

/** @param {string} id @param {[value: string, label: string][]} entries */
const fillMenu = (id, entries) => replaceOptions($(id), entries);

/** A translated label when the catalog has one, else the engine's own. @param {string} key @param {string} fallback
 * @param {Record<string, string|number>} [params] */
const label = (key, fallback, params) => {
  const text = t(key, params);
  return text === key ? fallback : text;
};

/** The menus the engine defines, in the page's language: datasets, activations, optimisers and the rate ladder. */
function fillMenus() {
  fillMenu('c-data', choices.datasets.map((name) => [name, label(`train.ds.${name}`, name, { classes: classCount(choices, name) })]));
  const activations = new Map(capabilities.activations.map((a) => [a.name, a.label]));
  fillMenu('c-act', choices.activations.map((name) => [name, label(`train.act.${name}`, activations.get(name) ?? name)]));
  fillMenu('c-opt', choices.optimizers.map((name) => [name, label(`train.opt.${name}`, name)]));
  fillMenu('rates', choices.rates.map((rate) => [String(rate), '']));
}

function fillControls() {
  const texts = paramTexts(view.state);
  for (const control of controls) {
    const text = texts[/** @type {string} */ (control.dataset.param)];
    // A valid value from a link that the menu does not list (a 25 % test share) gets its own entry.
    if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === text)) control.append(new Option(text, text));
    control.value = text;
  }
  const classes = classCount(choices, view.state.dataset);
  const select = /** @type {HTMLSelectElement} */ ($('add-class'));
  const chosen = Number(select.value) < classes ? select.value : '0';  // keep the class being clicked in
  select.replaceChildren(...Array.from({ length: classes }, (_, c) => new Option(t('train.className', { c }), String(c))));
  select.value = chosen;
  for (const id of ['c-noise', 'l-noise']) $(id).classList.toggle('not-for-digits', view.state.dataset === 'digits');
  for (const group of GROUPS) {
    for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(`[data-group="${group}"]`))) node.hidden = view.state.hide.includes(group);
  }
  $('show-all').hidden = view.state.hide.length === 0;
}

/** A control changed: its text goes through the same checks as the address, so bad input gets the same message. */
function onControl(/** @type {HTMLInputElement|HTMLSelectElement} */ control) {
  const param = /** @type {string} */ (control.dataset.param);
  const search = new URLSearchParams(writeState(view.state, lang));
  search.set(param, control.value.trim());
  if (param === 'data') search.delete('pts');  // clicked points belong to the dataset they were added to
  const { state, notes } = readState(`?${search}`, choices);
  const error = document.getElementById(`e-${param}`);
  const bad = notes.find((n) => n.param === param);
  if (error) {
    error.hidden = !bad;
    error.textContent = bad ? t(`train.bad.${param}`, { ...ranges, value: bad.value }) : '';
  }
  control.setAttribute('aria-invalid', String(Boolean(bad)));
  if (bad) return;
  state.hide = view.state.hide;
  view.state = state;
  restart();
}

function restart() {
  fillControls();
  syncUrl();
  page.dataset.state = 'loading';
  client.configure(trainerConfig(view.state));
}

function syncUrl() {
  history.replaceState(history.state, '', writeState(view.state, lang));
  updateShareLink();
}

function updateShareLink() {
  const url = new URL(location.href);
  const state = { ...view.state, hide: /** @type {HTMLInputElement} */ ($('classroom')).checked ? [...GROUPS] : [] };
  url.search = writeState(state, lang);
  /** @type {HTMLInputElement} */ ($('share-link')).value = url.href;
}

/** A <p> holding text (never markup: messages may quote the address). @param {string} className @param {string} text */
const paragraph = (className, text) => Object.assign(document.createElement('p'), { className, textContent: text });

/** @param {string[]} lines */
function showNotes(lines) {
  const box = $('notes');
  box.replaceChildren(...lines.map((line) => paragraph('', line)));
  box.hidden = lines.length === 0;
}

function urlNotes() {
  return view.notes.map((n) => t('train.urlNote', { param: n.param, value: n.value.slice(0, 80) }));
}

// ---- drawing ------------------------------------------------------------------------------------------------

/** @param {boolean} [everything] redraw every part even while playing (the colours changed) */
function draw(everything = false) {
  const s = view.snapshot, d = view.description, data = view.data;
  if (!s || !d || !data) return;
  const trainRows = d.dataset.train_rows, hasTest = d.dataset.test_rows > 0;
  const perEpoch = Math.max(1, Math.floor(trainRows / Math.max(1, d.config.batch_size)));
  $('steps').textContent = String(s.steps);
  $('epoch').textContent = String(Math.floor(s.steps / perEpoch));
  $('rate').textContent = s.playing && s.stepsPerSecond > 0 ? String(Math.round(s.stepsPerSecond)) : '–';
  $('rate').dataset.value = String(s.stepsPerSecond);
  $('train-loss').textContent = show(s.train.loss);
  $('test-loss').textContent = hasTest ? show(s.test.loss) : '–';
  $('train-accuracy').textContent = `${(s.train.accuracy * 100).toFixed(1)} %`;
  $('train-accuracy').dataset.value = String(s.train.accuracy);
  page.dataset.steps = String(s.steps);
  const play = $('play');
  play.textContent = t(s.playing ? 'train.pause' : 'train.play');
  play.dataset.playing = String(s.playing);  // the label itself says Play or Pause
  byGrad.disabled = s.playing || s.steps === 0;
  if (s !== view.added) {
    curves.add(s.history, hasTest);  // every snapshot's points, even when the redraw waits its turn
    view.added = s;
  }
  if (s.grid) drawBoundary(/** @type {HTMLCanvasElement} */ ($('boundary-map')), s.grid, view.palette);
  else updateGallery($('gallery'), s.predictions, data.y, view.row);
  if (d.dataset.d === 2 && view.pointsDrawn !== `${view.row}`) {
    drawPoints(boundary, { x: data.x, y: data.y, n: data.n, trainRows }, VIEW, view.row, view.palette);
    view.pointsDrawn = `${view.row}`;
  }
  // While playing, the curves, the neuron maps and the network drawing (up to thousands of lines) change slowly:
  // each snapshot redraws only one of them, in turn, so no frame carries all three and frames stay short.
  // Paused, everything is drawn at once.
  const parts = [
    () => curves.draw(),
    () => {
      if (!s.grid) return;
      drawNeurons(/** @type {HTMLCanvasElement} */ ($('neurons')), s.hidden, s.grid.nx, s.grid.ny,
        (l, u) => t('train.neuronName', { layer: l + 1, unit: u + 1 }), view.palette);
    },
    () => drawNetwork(networkCanvas, {
      widths: [d.dataset.d, ...d.layers.map((/** @type {{out: number}} */ l) => l.out)],
      weights: s.weights, grads: s.grads, byGradient: byGrad.checked && !byGrad.disabled, selected: view.weight,
      tip: (l, i, j, value, grad) => t('train.weightTip', { name: weightName(l, i, j), value: show(value), grad: show(grad) }),
      palette: view.palette,
    }, (layer, from, to) => pickWeight(layer, from, to)),
  ];
  if (s.playing && !everything) parts[view.turn++ % parts.length]();
  else parts.forEach((part) => part());
  finish(s);
}

/** After a snapshot is drawn: the divergence box, and a fresh backprop of the shown point once paused (none while
 * the learner's newer ask is unanswered: its reply will show the row asked for). @param {import('./client.js').Snapshot} s */
function finish(s) {
  showDivergence(s.diverged, view.state.lr, t);
  const ask = asks.refresh();
  if (!s.playing && view.row !== null && view.sample?.row === view.row && s.steps !== view.sampleSteps && ask !== null) load(view.row, ask);
}

/** W[layer]_{from,to} in the page's words (1-based, as the chain-rule lines). @param {number} l @param {number} i @param {number} j */
const weightName = (l, i, j) => `W${l + 1}[${i + 1}→${j + 1}]`;

// ---- one sample ---------------------------------------------------------------------------------------------

const asks = createAsks();
/** The learner asks for a row. @param {number} row */
function inspect(row) { view.rowTyped = false; load(row, asks.ask()); }

/** Pauses, then asks the engine for one row's forward and backward values, shown unless a newer ask was made since.
 * @param {number} row @param {number} ask the number of the ask this serves */
async function load(row, ask) {
  if (view.playing) client.pause();
  const error = $('e-row');
  try {
    const sample = await client.inspect(row);
    if (!asks.answer(ask)) return;
    error.hidden = true;
    view.row = row;
    view.sampleSteps = view.snapshot?.steps ?? -1;
    if (!view.rowTyped) /** @type {HTMLInputElement} */ ($('row-input')).value = String(row);
    showSample(sample);
    if (view.weight) explain();
    draw();
  } catch (e) {
    if (!asks.answer(ask)) return;
    error.hidden = false;
    error.textContent = t('train.bad.row', { value: String(row), message: /** @type {Error} */ (e).message });
  }
}

/** @param {import('../engine/trainer.js').SampleTrace} sample */
function showSample(sample) {
  view.sample = sample;
  renderSample($('sample-body'), sample, t);
  $('weight-form').hidden = false;
}

function fillWeightPicker() {
  const d = view.description;
  if (!d) return;
  const layer = /** @type {HTMLSelectElement} */ ($('w-layer'));
  layer.replaceChildren(...d.layers.map((_, l) => new Option(String(l + 1), String(l))));
  fillUnits();
}

function fillUnits() {
  const d = view.description;
  if (!d) return;
  const l = Number(/** @type {HTMLSelectElement} */ ($('w-layer')).value);
  const { in: fanIn, out } = d.layers[l];
  const from = /** @type {HTMLSelectElement} */ ($('w-from')), to = /** @type {HTMLSelectElement} */ ($('w-to'));
  const inputName = (/** @type {number} */ i) => (l === 0 ? `x${i + 1}` : `a${i + 1}`);
  from.replaceChildren(...Array.from({ length: fanIn }, (_, i) => new Option(inputName(i), String(i))), new Option(t('train.sample.bias'), String(fanIn)));
  to.replaceChildren(...Array.from({ length: out }, (_, j) => new Option(String(j + 1), String(j))));
}

/** A weight was clicked in the drawing. @param {number} layer @param {number} from @param {number} to */
function pickWeight(layer, from, to) {
  /** @type {HTMLSelectElement} */ ($('w-layer')).value = String(layer);
  fillUnits();
  /** @type {HTMLSelectElement} */ ($('w-from')).value = String(from);
  /** @type {HTMLSelectElement} */ ($('w-to')).value = String(to);
  view.weight = { layer, from, to };
  if (view.row === null) $('chain').replaceChildren(paragraph('muted', t('train.sample.pickPoint')));
  else explain();
  draw();
}

async function explain() {
  if (view.row === null || !view.weight || !view.description) return;
  const { layer, from, to } = view.weight;
  const { description } = view;
  try {
    const rule = await client.explain(view.row, layer, from, to);
    const isBias = from === description.layers[layer].in;
    renderChain($('chain'), rule, t(isBias ? 'train.sample.chainBias' : 'train.sample.chainWeight',
      { name: isBias ? `b${layer + 1}[${to + 1}]` : weightName(layer, from, to), row: view.row }));
  } catch (e) {
    $('chain').replaceChildren(paragraph('error', /** @type {Error} */ (e).message));
  }
}

// ---- wiring -------------------------------------------------------------------------------------------------

function applyTexts() {
  document.title = `${t('train.title')} · Backprop Tutor`;
  fillMenus();
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) node.textContent = t(node.dataset.i18n ?? '', ranges);
  boundary.setAttribute('aria-label', t('train.boundaryLabel'));
  $('neurons').setAttribute('aria-label', t('train.neuronsLabel'));
  $('loss-chart').setAttribute('aria-label', t('train.lossAxis'));
  $('accuracy-chart').setAttribute('aria-label', t('train.accuracyAxis'));
  networkCanvas.setAttribute('aria-label', t('train.networkLabel'));
  showNotes(urlNotes());
  fillControls();
  draw();
}

for (const control of controls) control.addEventListener('change', () => onControl(control));
// A new theme: the tokens resolve to new colours, so every drawing is made again with them.
document.addEventListener('bp-theme-change', () => {
  view.palette = readPalette(page);
  curves.recolor(view.palette);
  view.pointsDrawn = '';
  draw(true);
});
$('play').addEventListener('click', () => (view.playing ? client.pause() : client.play()));
$('step').addEventListener('click', () => client.step());
$('reset').addEventListener('click', () => { curves.clear(); client.reset(); });
$('restart').addEventListener('click', () => {
  view.state = { ...view.state, lr: Number($('restart').dataset.lr) };
  restart();
});
$('show-all').addEventListener('click', () => { view.state.hide = []; fillControls(); syncUrl(); });
byGrad.addEventListener('change', () => draw());
$('classroom').addEventListener('change', updateShareLink);
$('share').addEventListener('click', async () => {
  updateShareLink();
  const link = /** @type {HTMLInputElement} */ ($('share-link')).value;
  try {
    await navigator.clipboard.writeText(link);
    $('share-status').textContent = t('train.copied');
  } catch {
    /** @type {HTMLInputElement} */ ($('share-link')).select();
    $('share-status').textContent = t('train.copyByHand');
  }
});
for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name=click]'))) {
  radio.addEventListener('change', () => { view.clickMode = radio.value; });
}
$('clear-points').addEventListener('click', () => { view.state.points = []; restart(); });
boundary.addEventListener('click', (event) => {
  if (!view.data || !view.description) return;
  const hit = hitTest(boundary, event, { x: view.data.x, y: view.data.y, n: view.data.n, trainRows: view.description.dataset.train_rows }, VIEW);
  if (view.clickMode === 'inspect') {
    if (hit.row !== null) inspect(hit.row);
    return;
  }
  if (view.state.points.length >= MAX_POINTS) { showNotes([t('train.tooManyPoints', ranges)]); return; }
  const round = (/** @type {number} */ v) => Math.round(v * 1000) / 1000;  // three decimals: short links
  view.state.points = [...view.state.points, [round(hit.x), round(hit.y), Number(/** @type {HTMLSelectElement} */ ($('add-class')).value)]];
  restart();
});
$('row-input').addEventListener('input', () => { view.rowTyped = true; });
$('row-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = /** @type {HTMLInputElement} */ ($('row-input')).value.trim();
  const row = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(row)) {
    $('e-row').hidden = false;
    $('e-row').textContent = t('train.bad.row', { value: text, message: t('train.wholeNumber') });
    return;
  }
  inspect(row);
});
$('w-layer').addEventListener('change', fillUnits);
$('weight-form').addEventListener('submit', (event) => {
  event.preventDefault();
  pickWeight(Number(/** @type {HTMLSelectElement} */ ($('w-layer')).value), Number(/** @type {HTMLSelectElement} */ ($('w-from')).value),
    Number(/** @type {HTMLSelectElement} */ ($('w-to')).value));
});
bindShortcuts({ play: $('play'), step: $('step'), reset: $('reset') });

startBatchLink({ button: $('batch-link'), error: $('e-batch-link'), client, rows: capabilities.limits.tensor.batch, lang: () => lang, say: t });
applyTexts();
syncUrl();
client.configure(trainerConfig(view.state));
