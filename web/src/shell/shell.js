// @ts-check
// The shell's runtime, started once by each page's script: the theme toggle and the language switch of the top
// bar (written into the page at build time by top-bar.js; links need no script). Returns the language in force.
import { startTheme } from './theme.js';
import { setupLanguage } from './language.js';

/**
 * @param {{onLanguage?: (lang: string) => void, lang?: string}} [options] `onLanguage` runs after the reader
 *   switches language; `lang` is a page's own default language (the blog demo's is its original, Chinese)
 * @returns {string}
 */
export function startShell({ onLanguage = () => {}, lang } = {}) {
  startTheme();
  return setupLanguage(onLanguage, lang);
}
