// @ts-check
// The training page's whole state, one plain object, and its address: /train.html?data=spiral&layers=16,16&lr=0.1
// &seed=1&... Every parameter is checked; a bad one falls back to its default and leaves a note for the page to
// show. Also the trainer config a state asks for. Not the engine and no DOM: values in, values out.

export const DATASETS = /** @type {const} */ (['circle', 'xor', 'gauss', 'spiral', 'moons', 'digits']);
export const ACTIVATIONS = /** @type {const} */ (['tanh', 'relu', 'sigmoid', 'leaky_relu', 'linear']);
export const OPTIMIZERS = /** @type {const} */ (['sgd', 'momentum', 'adam']);
export const REGULARIZERS = /** @type {const} */ (['none', 'l1', 'l2']);
/** Control groups a classroom link can hide. */
export const GROUPS = /** @type {const} */ (['data', 'network', 'training']);
export const MAX_LAYERS = 6;
export const MAX_UNITS = 32;
export const MAX_POINTS = 500;

/**
 * @typedef {{dataset: typeof DATASETS[number], noise: number, test: number, layers: number[],
 *   activation: typeof ACTIVATIONS[number], lr: number, batch: number, reg: typeof REGULARIZERS[number],
 *   regRate: number, optimizer: typeof OPTIMIZERS[number], seed: number, points: [number, number, number][],
 *   hide: string[]}} TrainState
 *   test: the held-out share in [0, 0.9]; batch 0 = every training row; points: clicked [x, y, class]
 * @typedef {{param: string, value: string}} Note  a parameter that was ignored
 */

/** @returns {TrainState} */
export const defaultState = () => ({
  dataset: 'spiral', noise: 0.1, test: 0, layers: [16, 16], activation: 'tanh', lr: 0.1, batch: 0, reg: 'none',
  regRate: 0.001, optimizer: 'sgd', seed: 1, points: [], hide: [],
});

/** Classes of a dataset (spiral has three, digits ten, the others two). @param {string} dataset */
export const classCount = (dataset) => (dataset === 'spiral' ? 3 : dataset === 'digits' ? 10 : 2);

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

/** "0.1,-0.2,1;..." → [[0.1, -0.2, 1], ...], classes checked against the dataset. @param {string} text @param {string} dataset */
function parsePoints(text, dataset) {
  if (text === '') return [];
  const points = text.split(';').map((p) => p.split(','));
  if (points.length > MAX_POINTS || dataset === 'digits') return null;
  /** @type {[number, number, number][]} */
  const out = [];
  for (const p of points) {
    const x = p.length === 3 ? number(p[0], -2, 2) : null, y = p.length === 3 ? number(p[1], -2, 2) : null;
    const c = p.length === 3 ? whole(p[2], 0, classCount(dataset) - 1) : null;
    if (x === null || y === null || c === null) return null;
    out.push([x, y, c]);
  }
  return out;
}

/** The parameters: name in the address, how to read it, how to write it. */
const FIELDS = /** @type {const} */ ([
  ['data', 'dataset', (/** @type {string} */ v) => oneOf(v, DATASETS), String],
  ['noise', 'noise', (/** @type {string} */ v) => number(v, 0, 0.5), String],
  ['test', 'test', (/** @type {string} */ v) => number(v, 0, 0.9), String],
  ['layers', 'layers', parseLayers, (/** @type {number[]} */ v) => v.join(',')],
  ['act', 'activation', (/** @type {string} */ v) => oneOf(v, ACTIVATIONS), String],
  ['lr', 'lr', (/** @type {string} */ v) => number(v, 1e-6, 100), String],
  ['batch', 'batch', (/** @type {string} */ v) => whole(v, 0, 10000), String],
  ['reg', 'reg', (/** @type {string} */ v) => oneOf(v, REGULARIZERS), String],
  ['rate', 'regRate', (/** @type {string} */ v) => number(v, 0, 10), String],
  ['opt', 'optimizer', (/** @type {string} */ v) => oneOf(v, OPTIMIZERS), String],
  ['seed', 'seed', (/** @type {string} */ v) => whole(v, 0, 0xffffffff), String],
]);

/** Reads a state from a query string: every bad parameter is a note, and its default is used. @param {string} search */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = defaultState();
  /** @type {Note[]} */
  const notes = [];
  for (const [param, key, read] of FIELDS) {
    const text = params.get(param);
    if (text === null) continue;
    const value = read(text);
    if (value === null) notes.push({ param, value: text });
    else /** @type {any} */ (state)[key] = value;
  }
  const points = params.get('pts');
  if (points !== null) {
    const parsed = parsePoints(points, state.dataset);
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

/** Every parameter's text for a state (what the page's controls show). @param {TrainState} state */
export function paramTexts(state) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [param, key, , write] of FIELDS) out[param] = /** @type {(v: any) => string} */ (write)(/** @type {any} */ (state)[key]);
  return out;
}

/** The query string of a state (defaults left out, so links stay short), with the language. @param {TrainState} state @param {string} lang */
export function writeState(state, lang) {
  const params = new URLSearchParams();
  const defaults = /** @type {any} */ (defaultState());
  for (const [param, key, , write] of FIELDS) {
    const text = /** @type {(v: any) => string} */ (write)(/** @type {any} */ (state)[key]);
    if (text !== /** @type {(v: any) => string} */ (write)(defaults[key])) params.set(param, text);
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
