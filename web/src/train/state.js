// @ts-check
// The training page's whole state, one plain object, and its address: /train.html?data=spiral&layers=16,16&lr=0.1
// &seed=1&... Every parameter is checked; a bad one falls back to its default and leaves a note for the page to
// show. Also the trainer config a state asks for. Not the engine and no DOM: values in, values out. The choices
// the engine defines (datasets, activations, optimisers, class counts, the engine's ranges) come from its
// capabilities (engine/capabilities.js) through trainChoices(); the page's own, tighter limits are below.

export const REGULARIZERS = /** @type {const} */ (['none', 'l1', 'l2']);
/** Control groups a classroom link can hide. */
export const GROUPS = /** @type {const} */ (['data', 'network', 'training']);
// The page's own limits, tighter than the engine's: a network this size is drawn weight by weight, a link with
// this many points stays short, noise beyond 0.5 hides every pattern, and rates above 100 only diverge.
export const MAX_LAYERS = 6;
export const MAX_UNITS = 32;
export const MAX_POINTS = 500;
export const MAX_NOISE = 0.5;
export const MAX_BATCH = 10000;
export const MAX_LR = 100;

/**
 * @typedef {{dataset: string, noise: number, test: number, layers: number[],
 *   activation: string, lr: number, batch: number, reg: typeof REGULARIZERS[number],
 *   regRate: number, optimizer: string, seed: number, points: [number, number, number][],
 *   hide: string[]}} TrainState
 *   dataset, activation, optimizer: names from the engine's capabilities (see trainChoices);
 *   test: the held-out share in [0, limits.trainer.test_fraction]; batch 0 = every training row;
 *   points: clicked [x, y, class]
 * @typedef {{param: string, value: string}} Note  a parameter that was ignored
 * @typedef {{datasets: string[], activations: string[], optimizers: string[], classes: Record<string, number>,
 *   rates: readonly number[], limits: import('../engine/capabilities.js').TrainerLimits}} TrainChoices
 */

/**
 * What the page offers, from the engine's capabilities: the datasets it generates or ships (not "custom", whose
 * data a page would have to pass in), every activation and optimiser, each dataset's classes, the rate ladder.
 * @param {import('../engine/capabilities.js').Capabilities} caps @returns {TrainChoices}
 */
export function trainChoices(caps) {
  const datasets = caps.datasets.filter((d) => d.source !== 'given');
  return {
    datasets: datasets.map((d) => d.name),
    activations: caps.activations.map((a) => a.name),
    optimizers: caps.optimizers.map((o) => o.name),
    classes: Object.fromEntries(datasets.map((d) => [d.name, d.classes ?? 0])),
    rates: caps.learning_rates,
    limits: caps.limits.trainer,
  };
}

/** @returns {TrainState} */
export const defaultState = () => ({
  dataset: 'spiral', noise: 0.1, test: 0, layers: [16, 16], activation: 'tanh', lr: 0.1, batch: 0, reg: 'none',
  regRate: 0.001, optimizer: 'sgd', seed: 1, points: [], hide: [],
});

/** Classes of a dataset, as the engine makes it. @param {TrainChoices} choices @param {string} dataset */
export const classCount = (choices, dataset) => choices.classes[dataset] ?? 0;

/** A number in [lo, hi] written plainly, or null. @param {string} text @param {number} lo @param {number} hi */
function number(text, lo, hi) {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return null;
  const v = Number(text);
  return v >= lo && v <= hi ? v : null;
}
/** @param {string} text @param {number} lo @param {number} hi */
const whole = (text, lo, hi) => {
  const v = number(text, lo, hi);
  return v !== null && Number.isInteger(v) ? v : null;
};
/** @template {string} T @param {string} text @param {readonly T[]} choices @returns {T|null} */
const oneOf = (text, choices) => (choices.includes(/** @type {T} */ (text)) ? /** @type {T} */ (text) : null);

/** "16,16" → [16, 16]; "" → [] (no hidden layer). @param {string} text */
export function parseLayers(text) {
  if (text.trim() === '') return [];
  const parts = text.split(',').map((p) => whole(p, 1, MAX_UNITS));
  return parts.length <= MAX_LAYERS && parts.every((p) => p !== null) ? /** @type {number[]} */ (parts) : null;
}

/** "0.1,-0.2,1;..." → [[0.1, -0.2, 1], ...], classes checked against the dataset (2-D data only).
 * @param {string} text @param {string} dataset @param {TrainChoices} choices */
function parsePoints(text, dataset, choices) {
  if (text === '') return [];
  const points = text.split(';').map((p) => p.split(','));
  if (points.length > MAX_POINTS || dataset === 'digits') return null;
  /** @type {[number, number, number][]} */
  const out = [];
  for (const p of points) {
    const x = p.length === 3 ? number(p[0], -2, 2) : null, y = p.length === 3 ? number(p[1], -2, 2) : null;
    const c = p.length === 3 ? whole(p[2], 0, classCount(choices, dataset) - 1) : null;
    if (x === null || y === null || c === null) return null;
    out.push([x, y, c]);
  }
  return out;
}

/** @typedef {(text: string, c: TrainChoices) => unknown} Reader  the value, or null for bad text */
/** The parameters: name in the address, state key, how to read it (against the choices), how to write it. */
const FIELDS = /** @type {const} */ ([
  ['data', 'dataset', /** @type {Reader} */ ((v, c) => oneOf(v, c.datasets)), String],
  ['noise', 'noise', /** @type {Reader} */ ((v, c) => number(v, 0, Math.min(MAX_NOISE, c.limits.noise))), String],
  ['test', 'test', /** @type {Reader} */ ((v, c) => number(v, 0, c.limits.test_fraction)), String],
  ['layers', 'layers', /** @type {Reader} */ ((v) => parseLayers(v)), (/** @type {number[]} */ v) => v.join(',')],
  ['act', 'activation', /** @type {Reader} */ ((v, c) => oneOf(v, c.activations)), String],
  ['lr', 'lr', /** @type {Reader} */ ((v, c) => number(v, c.rates[0], Math.min(MAX_LR, c.limits.learning_rate))), String],
  ['batch', 'batch', /** @type {Reader} */ ((v, c) => whole(v, 0, Math.min(MAX_BATCH, c.limits.batch_size))), String],
  ['reg', 'reg', /** @type {Reader} */ ((v) => oneOf(v, REGULARIZERS)), String],
  ['rate', 'regRate', /** @type {Reader} */ ((v, c) => number(v, 0, c.limits.penalty)), String],
  ['opt', 'optimizer', /** @type {Reader} */ ((v, c) => oneOf(v, c.optimizers)), String],
  ['seed', 'seed', /** @type {Reader} */ ((v, c) => whole(v, 0, c.limits.seed)), String],
]);

/** The numbers the page's messages quote for its ranges ({max} in train.bad.*). @param {TrainChoices} c */
export const rangeTexts = (c) => ({
  noise: Math.min(MAX_NOISE, c.limits.noise), test: c.limits.test_fraction, layers: MAX_LAYERS, units: MAX_UNITS,
  lrMin: c.rates[0], lrMax: Math.min(MAX_LR, c.limits.learning_rate), batch: Math.min(MAX_BATCH, c.limits.batch_size),
  rate: c.limits.penalty, seed: c.limits.seed, points: MAX_POINTS,
});

/**
 * Reads a state from a query string: every bad parameter is a note, and its default is used.
 * @param {string} search @param {TrainChoices} choices
 */
export function readState(search, choices) {
  const params = new URLSearchParams(search);
  const state = defaultState();
  /** @type {Note[]} */
  const notes = [];
  for (const [param, key, read] of FIELDS) {
    const text = params.get(param);
    if (text === null) continue;
    const value = read(text, choices);
    if (value === null) notes.push({ param, value: text });
    else /** @type {Record<string, unknown>} */ (state)[key] = value;
  }
  const points = params.get('pts');
  if (points !== null) {
    const parsed = parsePoints(points, state.dataset, choices);
    if (parsed === null) notes.push({ param: 'pts', value: points });
    else state.points = parsed;
  }
  const hide = params.get('hide');
  if (hide !== null) {
    const groups = hide === 'all' ? [...GROUPS] : hide.split(',');
    if (groups.every((g) => oneOf(g, GROUPS))) state.hide = groups;
    else notes.push({ param: 'hide', value: hide });
  }
  return { state, notes };
}

/** A field's text: `write` takes the field's own type (the table pairs them), checked there, not here.
 * @param {(v: never) => string} write @param {unknown} value @returns {string} */
const writeField = (write, value) => /** @type {(v: unknown) => string} */ (write)(value);

/** Every parameter's text for a state (what the page's controls show). @param {TrainState} state */
export function paramTexts(state) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [param, key, , write] of FIELDS) out[param] = writeField(write, state[key]);
  return out;
}

/** The query string of a state (defaults left out, so links stay short), with the language. @param {TrainState} state @param {string} lang */
export function writeState(state, lang) {
  const params = new URLSearchParams();
  const defaults = defaultState();
  for (const [param, key, , write] of FIELDS) {
    const text = writeField(write, state[key]);
    if (text !== writeField(write, defaults[key])) params.set(param, text);
  }
  if (state.points.length) params.set('pts', state.points.map((p) => p.join(',')).join(';'));
  if (state.hide.length) params.set('hide', state.hide.length === GROUPS.length ? 'all' : state.hide.join(','));
  params.set('lang', lang);
  return `?${params}`;
}

/**
 * The trainer config (web/src/engine/trainer.js) for a state: float32 (the speed the page needs; inspection runs
 * in float64 anyway), halting on divergence, clicked points as extra training rows.
 * @param {TrainState} s @returns {import('../engine/trainer.js').TrainerConfig}
 */
export function trainerConfig(s) {
  /** @type {import('../engine/trainer.js').TrainerConfig} */
  const config = {
    dataset: s.dataset, seed: s.seed, layers: s.layers, activation: s.activation, batch_size: s.batch,
    optimizer: { type: s.optimizer, lr: s.lr }, test_fraction: s.test, halt_on_divergence: true, dtype: 'float32',
  };
  if (s.dataset !== 'digits') config.noise = s.noise;
  if (s.reg === 'l1') config.l1 = s.regRate;
  if (s.reg === 'l2') config.l2 = s.regRate;
  if (s.points.length) config.extra = { x: s.points.flatMap((p) => [p[0], p[1]]), y: s.points.map((p) => p[2]) };
  return config;
}
