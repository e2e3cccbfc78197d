// @ts-check
// Entry script of /lessons/glossary.html, the one notation every lesson uses: styles, the site shell and
// the <bp-num> numbers it quotes (from the widget registry). The text is rendered at build time.
import 'katex/dist/katex.min.css';
import '../styles/lessons.css';
import { t } from '../i18n/i18n.js';
import '../i18n/lessons.js';
import { loadWidgetsIn } from '../widgets/registry.js';
import { startShell } from '../shell/shell.js';

const main = /** @type {HTMLElement} */ (document.querySelector('main.glossary-page'));
const title = (/** @type {string} */ lang) => {
  const article = /** @type {HTMLElement|null} */ (main.querySelector(`.lesson-article[lang="${lang}"]`));
  document.title = `${article?.dataset.title ?? ''} · ${t('lessons.site', {}, lang)}`;
};
loadWidgetsIn(document);
title(startShell({ onLanguage: title }));
main.dataset.ready = 'true';
