// @ts-check
// Entry script of /lessons/: marks each lesson in the list with the learner's progress (not started, at step n,
// done), links each to where the learner left off, and starts the site shell and the reset button.
import '../styles/lessons.css';
import { t } from '../i18n/i18n.js';
import '../i18n/lessons.js';
import { startShell } from '../shell/shell.js';
import { readProgress, clearProgress } from './progress.js';

const main = /** @type {HTMLElement} */ (document.querySelector('main.lesson-list-page'));

/** @param {string} lang */
function render(lang) {
  const progress = readProgress();
  const items = [...main.querySelectorAll('.lesson-item')].map((node) => /** @type {HTMLElement} */ (node));
  let done = 0;
  for (const item of items) {
    const record = progress[item.dataset.slug ?? ''];
    const badge = /** @type {HTMLElement} */ (item.querySelector('.lesson-progress'));
    const link = /** @type {HTMLAnchorElement} */ (item.querySelector('a'));
    let text = t('lessons.progress.none', {}, lang);
    if (record?.done) { text = t('lessons.progress.done', {}, lang); done += 1; }
    else if (record) text = t('lessons.progress.step', { n: record.step, total: item.dataset.count ?? record.count }, lang);
    badge.replaceChildren(text);
    item.classList.toggle('is-done', Boolean(record?.done));
    link.search = new URLSearchParams({ lang, ...(record ? { step: String(record.step) } : {}) }).toString();
  }
  const summary = /** @type {HTMLElement} */ (main.querySelector('.lesson-summary'));
  summary.textContent = t('lessons.summary', { done, total: items.length }, lang);
  document.title = `${t('lessons.title', {}, lang)} · ${t('lessons.site', {}, lang)}`;
}

let lang = startShell({ onLanguage: (chosen) => { lang = chosen; render(lang); } });
main.querySelector('.reset-progress')?.addEventListener('click', () => { clearProgress(); render(lang); });
render(lang);
main.dataset.ready = 'true';
