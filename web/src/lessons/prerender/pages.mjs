// @ts-check
// The HTML of the lesson pages and of the lesson list, written at build time with both languages inside: each
// language's text sits under an element with its `lang`, and the stylesheet shows only the active one (chosen by
// public/lessons-early.js before the body is drawn). Layout only; the runner scripts add the behaviour.
import { t } from '../../i18n/i18n.js';
import '../../i18n/lessons.js';
import { topBar as shellBar } from '../../shell/top-bar.js';

const LANGS = /** @type {const} */ (['en', 'zh-CN']);
/** @typedef {import('./render-lesson.mjs').Lesson} Lesson */

/** @param {string} text */
export const escapeHtml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A UI string in both languages. @param {string} key @param {Record<string, string|number>} [params] */
const both = (key, params = {}) => LANGS.map((lang) => `<span lang="${lang}">${escapeHtml(t(key, params, lang))}</span>`).join('');

/**
 * @param {string} title @param {string} prefix relative path to the site root @param {string} script
 * @param {readonly string[]} [blockWidgets] the widgets shown as blocks (the registry's, not `inline`): they get
 *   their room before their code loads (no reflow when it does) and a margin
 */
function head(title, prefix, script, blockWidgets = []) {
  return `<!doctype html>
<html lang="en" data-lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" href="${prefix}favicon.svg" type="image/svg+xml">
  <script vite-ignore src="${prefix}theme-early.js"></script>
  <script vite-ignore src="${prefix}lessons-early.js"></script>
  <link rel="stylesheet" href="${prefix}src/styles/base.css">${blockWidgets.length ? `
  <style>:is(${blockWidgets.join(', ')}) { display: block; margin: 1rem 0; }</style>` : ''}
  <script type="module" src="${prefix}src/lessons/${script}"></script>
</head>`;
}

/** The site's bar (marking Lessons: the list is its page, a lesson is inside it), and the no-script note.
 * @param {string} prefix @param {boolean} isList */
function topBar(prefix, isList) {
  return `${shellBar({ current: 'lessons', prefix, exact: isList })}
<noscript><p class="noscript">${both('lessons.noscript')}</p></noscript>`;
}

/** @param {Lesson} lesson */
function kicker(lesson) {
  const { order, seed, minutes } = lesson.data;
  // seed: none marks a lesson that teaches beyond the seed posts.
  return [t('lessons.number', { n: order }, lesson.lang), t('lessons.minutes', { n: minutes }, lesson.lang),
    ...(seed === 'none' ? [] : [t('lessons.seed', { seed }, lesson.lang)])].map(escapeHtml).join(' · ');
}

/** @param {Lesson} lesson */
function article(lesson) {
  // A step that pins an earlier figure wraps its text, so the runner can put the figure beside it (or above it).
  const steps = lesson.steps.map((step, index) => (step.pins
    ? `<section class="step" data-step="${index + 1}" data-title="${escapeHtml(step.title)}" id="step-${index + 1}" data-pins="${step.pins}" data-pin-figure="${step.pinFigure}">\n<div class="step-text">\n${step.html}</div></section>`
    : `<section class="step" data-step="${index + 1}" data-title="${escapeHtml(step.title)}" id="step-${index + 1}">\n${step.html}</section>`)).join('\n');
  return `<article class="lesson-article" lang="${lesson.lang}" data-title="${escapeHtml(lesson.data.title)}">
<p class="lesson-kicker">${kicker(lesson)} · <a href="./glossary.html">${escapeHtml(t('lessons.glossary', {}, lesson.lang))}</a></p>
<h1>${escapeHtml(lesson.data.title)}</h1>
${steps}
</article>`;
}

/**
 * The page of lesson number `index` (0-based). @param {Record<string, Lesson[]>} byLang @param {number} index
 * @param {readonly string[]} blockWidgets the widgets shown as blocks
 */
export function lessonPage(byLang, index, blockWidgets) {
  const en = byLang.en[index];
  const next = byLang.en[index + 1];
  return `${head(`${en.data.title} · Backprop Tutor`, '../', 'lesson-page.js', blockWidgets)}
<body class="lesson-body">
${topBar('../', false)}
<main class="page lesson" data-slug="${en.slug}" data-next="${next ? `./${next.slug}.html` : ''}" data-count="${en.steps.length}">
${LANGS.map((lang) => article(byLang[lang][index])).join('\n')}
<nav class="step-nav" aria-label="${escapeHtml(t('lessons.stepsNav', {}, 'en'))}">
  <button type="button" class="step-back">${both('lessons.back')}</button>
  <ol class="step-dots"></ol>
  <span class="step-count" aria-live="polite"></span>
  <button type="button" class="step-next">${both('lessons.next')}</button>
  <a class="step-onward" href="${next ? `./${next.slug}.html` : './'}">${next ? both('lessons.nextLesson') : both('lessons.finish')}</a>
</nav>
<p class="key-hint">${both('lessons.keyHint')}</p>
</main>
</body>
</html>
`;
}

/** The notation page at /lessons/glossary.html. @param {Record<string, {data: any, html: string, lang: string}>} byLang */
export function glossaryPage(byLang) {
  const articles = LANGS.map((lang) => `<article class="lesson-article glossary" lang="${lang}" data-title="${escapeHtml(byLang[lang].data.title)}">
<h1>${escapeHtml(byLang[lang].data.title)}</h1>
${byLang[lang].html}</article>`).join('\n');
  return `${head(`${byLang.en.data.title} · Backprop Tutor`, '../', 'glossary-page.js')}
<body class="lesson-body">
${topBar('../', false)}
<main class="page lesson glossary-page">
${articles}
</main>
</body>
</html>
`;
}

/** The list at /lessons/. @param {Record<string, Lesson[]>} byLang */
export function indexPage(byLang) {
  const items = byLang.en.map((en, index) => {
    const titles = LANGS.map((lang) => `<span lang="${lang}">${escapeHtml(byLang[lang][index].data.title)}</span>`).join('');
    return `<li class="lesson-item" data-slug="${en.slug}" data-count="${en.steps.length}">
  <a href="./${en.slug}.html"><span class="lesson-number">${en.data.order}</span><span class="lesson-name">${titles}</span></a>
  <span class="lesson-meta">${both('lessons.minutes', { n: en.data.minutes })}</span>
  <span class="lesson-progress">${both('lessons.progress.none')}</span>
</li>`;
  }).join('\n');
  return `${head('Lessons · Backprop Tutor', '../', 'index-page.js')}
<body class="lesson-body">
${topBar('../', true)}
<main class="page lesson-list-page">
<h1>${both('lessons.title')}</h1>
<p class="lead" data-lesson-count="${byLang.en.length}">${both('lessons.lead', { n: byLang.en.length })}</p>
<p class="glossary-link"><a href="./glossary.html">${both('lessons.glossaryLead')}</a></p>
<p class="lesson-summary" aria-live="polite"></p>
<ol class="lesson-list">
${items}
</ol>
<p><button type="button" class="reset-progress">${both('lessons.reset')}</button></p>
</main>
</body>
</html>
`;
}
