// @ts-check
// The matrix playground's state in its address: /tensor.html?layers=3-4-3&activation=tanh&loss=mse&batch=4&seed=1
// &at=7&lang=en, and a pasted spec in the hash (#spec=…: it can be long, and a hash never goes to the server).
// Parameter names are the widget's attribute names. Text in, text out: what the address says is checked by the
// engine, never here, so a bad value survives a reload with its message and the other settings intact.

/** The choices that build a seeded network (the widget's attributes of the same names). */
export const FIELDS = /** @type {const} */ (['layers', 'activation', 'loss', 'batch', 'seed']);

/** @typedef {{fields: Record<string, string>, spec: string | null, at: string | null}} TensorPageState */

/**
 * Reads the state from an address; a field the address lacks takes its value from `defaults`.
 * @param {URL} url @param {Record<string, string>} defaults @returns {TensorPageState}
 */
export function readState(url, defaults) {
  const params = url.searchParams;
  const fields = Object.fromEntries(FIELDS.map((name) => [name, params.get(name) ?? defaults[name] ?? '']));
  const spec = new URLSearchParams(url.hash.slice(1)).get('spec');
  return { fields, spec, at: params.get('at') };
}

/**
 * The address of a state, on the page's own path, in language `lang`. The seeded choices are kept even when a
 * spec is shown, so switching back finds them.
 * @param {URL} base @param {TensorPageState} state @param {string} lang
 */
export function stateUrl(base, state, lang) {
  const url = new URL(base.pathname, base);
  for (const name of FIELDS) url.searchParams.set(name, state.fields[name] ?? '');
  if (state.at !== null && state.at !== '0') url.searchParams.set('at', state.at);
  url.searchParams.set('lang', lang);
  return state.spec === null ? url : withSpec(url, state.spec);
}

/** Puts a spec (JSON text) into an address of this page, as readState finds it. @param {URL} url @param {string} spec */
export function withSpec(url, spec) {
  url.hash = new URLSearchParams({ spec }).toString();
  return url;
}
