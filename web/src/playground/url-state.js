// @ts-check
// The playground's state in its address: /playground.html?expr=(x%2By)*z&x=-2&y=5&z=-4&step=5&mode=quiz&lang=en.
// Every variable is its own parameter, as the share link promises; the few reserved names carry the rest. What
// comes from a URL is data: it is only ever put into inputs and attributes, never into markup.

const RESERVED = new Set(['expr', 'step', 'mode', 'lang']);

/** @typedef {{expr: string | null, values: Record<string, string>, step: string | null, quiz: boolean}} PlaygroundState */

/** Reads the state from a query string. @param {string} search @returns {PlaygroundState} */
export function readState(search) {
  const params = new URLSearchParams(search);
  /** @type {Record<string, string>} */
  const values = {};
  for (const [name, value] of params) if (!RESERVED.has(name)) values[name] = value;
  return { expr: params.get('expr'), values, step: params.get('step'), quiz: params.get('mode') === 'quiz' };
}

/**
 * The address of a state, keeping the page's own path and its language.
 * @param {URL} base @param {{expr: string, values: Record<string, string>, step: number, quiz: boolean, lang: string}} state
 */
export function stateUrl(base, state) {
  const url = new URL(base.pathname, base);
  url.searchParams.set('expr', state.expr);
  for (const [name, value] of Object.entries(state.values)) if (!RESERVED.has(name)) url.searchParams.set(name, value);
  if (state.step > 0) url.searchParams.set('step', String(state.step));
  if (state.quiz) url.searchParams.set('mode', 'quiz');
  url.searchParams.set('lang', state.lang);
  return url;
}
