// @ts-check
// The language switch shared by the lesson pages: shows the chosen language's text (html[data-lang], see
// lessons.css), remembers the choice, and keeps ?lang= in the URL so a link says which language it shows.
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
 * Applies the current locale and wires the [data-set-lang] buttons. Returns the locale in force.
 * @param {(lang: import('../i18n/i18n.js').Locale) => void} onChange called after a switch
 */
export function setupLanguage(onChange) {
  const lang = currentLocale();
  apply(lang);
  if (new URLSearchParams(location.search).has('lang')) saveLocale(lang);
  for (const button of document.querySelectorAll('[data-set-lang]')) {
    button.addEventListener('click', () => {
      const chosen = /** @type {HTMLElement} */ (button).dataset.setLang;
      if (!isLocale(chosen)) return;
      apply(chosen);
      saveLocale(chosen);
      setUrlParam('lang', chosen);
      onChange(chosen);
    });
  }
  return lang;
}
