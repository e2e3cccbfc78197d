// @ts-check
// The site's top bar as HTML, written at build time into every page (web/*.html through the shell's Vite plugin,
// the lessons by their prerender, the embed pages when they are copied): Home, Lessons, Playground, Train and
// Embed, the language switch and the theme toggle. Labels are written in both languages; shell.css shows the one
// of html[lang]. Markup only: theme.js and language.js make the controls work.
import { t } from '../i18n/i18n.js';
import '../i18n/shell.js';
import { SECTIONS } from './sections.js';
import { icon } from './icons.js';

const LANGS = /** @type {const} */ (['en', 'zh-CN']);
const THEMES = /** @type {const} */ (['auto', 'light', 'dark']);

/** @param {string} text */
const escapeHtml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A UI string in both languages, as spans shell.css picks from. @param {string} key */
const both = (key) => LANGS.map((lang) => `<span class="shell-l10n" lang="${lang}">${escapeHtml(t(key, {}, lang))}</span>`).join('');

/** @param {string} key */
const bilingual = (key) => LANGS.map((lang) => t(key, {}, lang)).join(' / ');

/**
 * The bar for a page of section `current`.
 * @param {{current: import('./sections.js').SectionId, prefix: string, exact?: boolean}} page `prefix` leads from
 *   the page to the site root ('./' or '../'); `exact` when the page is the section's own page (aria-current="page"),
 *   otherwise the page is inside the section (aria-current="true": a lesson, the blog demo).
 */
export function topBar({ current, prefix, exact = true }) {
  const links = SECTIONS.map(({ id, href, label }) => {
    const mark = id === current ? ` aria-current="${exact ? 'page' : 'true'}"` : '';
    return `<li><a class="shell-link" href="${prefix}${href}" data-section="${id}"${mark}>${icon(id)}<span class="shell-label">${both(label)}</span></a></li>`;
  }).join('');
  const languages = LANGS.map((lang) => {
    const name = lang === 'en' ? 'English' : '中文';
    return `<button type="button" class="shell-button lang-choice" data-set-lang="${lang}" lang="${lang}">${name}</button>`;
  }).join('');
  const themes = THEMES.map((theme) => `<span class="shell-theme-state" data-theme-state="${theme}">${icon(theme)}<span class="shell-label">${both(`shell.theme.${theme}`)}</span></span>`).join('');
  return `<header class="bp-shell">
<nav class="shell-nav" aria-label="${escapeHtml(bilingual('shell.nav'))}"><ul>${links}</ul></nav>
<div class="shell-tools">
<div class="shell-lang" role="group" aria-label="Language / 语言">${languages}</div>
<button type="button" class="shell-button shell-theme" title="${escapeHtml(bilingual('shell.themeHelp'))}"><span class="sr-only">${both('shell.theme')}</span>${themes}</button>
</div>
</header>`;
}
