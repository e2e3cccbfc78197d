// @ts-check
// The top bar's language switch, for every page: applies the language (html[lang] and html[data-lang], which the
// stylesheets read to show one language), remembers the choice, and keeps ?lang= in the URL so a link says which
// language it shows. What a page translates on a switch is the page's business (its onChange callback).
import { currentLocale, saveLocale, isLocale } from '../i18n/i18n.js';

/** @param {string} lang */
function apply(lang) {
  document.documentElement.lang = lang;
  document.documentElement.dataset.lang = lang;
}

/** Sets the query parameter `name` in the address bar without reloading. @param {string} name @param {string} value */
export function setUrlParam(name, value) {
  const url = new URL(location.href);
  url.searchParams.set(name, value);
  history.replaceState(history.state, '', url);
}

/**
 * Applies the locale in force (or the page's own `initial` one) and wires the [data-set-lang] buttons. Returns the
 * locale applied.
 * @param {(lang: import('../i18n/i18n.js').Locale) => void} onChange called after a switch @param {string} [initial] a page's fixed default
 */
export function setupLanguage(onChange, initial) {
  const lang = isLocale(initial) ? initial : currentLocale();
  apply(lang);
  if (new URLSearchParams(location.search).has('lang')) saveLocale(lang);
  for (const button of document.querySelectorAll('[data-set-lang]')) {
    button.addEventListener('click', () => {
      const chosen = /** @type {HTMLElement} */ (button).dataset.setLang;
      if (!isLocale(chosen) || chosen === document.documentElement.lang) return;
      apply(chosen);
      saveLocale(chosen);
      setUrlParam('lang', chosen);
      onChange(chosen);
    });
  }
  return lang;
}
