// @ts-check
// UI strings in English and Simplified Chinese. Each area of the site keeps its own catalog file (graph.js,
// lessons.js, ...) exporting {en: {...}, 'zh-CN': {...}}; this module merges them, picks the locale (URL ?lang=,
// then the saved choice, then the browser's language) and fills {placeholders}. Text only: no numbers computed.

export const LOCALES = /** @type {const} */ (['en', 'zh-CN']);
/** @typedef {typeof LOCALES[number]} Locale */
const STORAGE_KEY = 'bp-tutor.lang';

/** @type {Record<string, Record<string, string>>} */
const catalogs = { en: {}, 'zh-CN': {} };

/** Adds an area's strings. @param {{en: Record<string, string>, 'zh-CN': Record<string, string>}} catalog */
export function registerMessages(catalog) {
  for (const locale of LOCALES) Object.assign(catalogs[locale], catalog[locale]);
}

/** @param {unknown} value @returns {value is typeof LOCALES[number]} */
export const isLocale = (value) => /** @type {readonly unknown[]} */ (LOCALES).includes(value);

/** The locale in force: ?lang= in the URL, else the saved choice, else the browser's language. */
export function currentLocale() {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  let saved = null;
  try { saved = globalThis.localStorage?.getItem(STORAGE_KEY); } catch { /* storage may be blocked */ }
  if (isLocale(saved)) return saved;
  return (globalThis.navigator?.language ?? 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Remembers the learner's choice. @param {typeof LOCALES[number]} locale */
export function saveLocale(locale) {
  try { globalThis.localStorage?.setItem(STORAGE_KEY, locale); } catch { /* storage may be blocked */ }
}

/**
 * The string `key` in `locale` with {name} placeholders filled. A missing key falls back to English, then to the
 * key itself, so a gap shows up as text rather than an exception.
 * @param {string} key @param {Record<string, string|number>} [params] @param {string} [locale]
 */
export function t(key, params = {}, locale = currentLocale()) {
  const template = catalogs[locale]?.[key] ?? catalogs.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Every key of every locale, for the test that checks both languages are complete. */
export function allMessages() {
  return catalogs;
}
