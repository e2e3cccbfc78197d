// @ts-check
// The lesson runner: shows one step of the pre-rendered lesson at a time, with Back/Next buttons, step dots and
// the ← → keys; keeps the step in the URL (?step=N, with ?lang=) and in the learner's progress, and marks the
// lesson done when every check-yourself exercise in it has been answered right. A step marked data-pins="N" (the
// author wrote <!-- pin --> in it) shows step N's figure beside its text, or above it on a phone: a copy of the
// figure standing where the learner left the original. Layout and state only.
import { t } from '../i18n/i18n.js';
import { setUrlParam } from '../shell/language.js';
import { startShell } from '../shell/shell.js';
import { readProgress, updateLesson } from './progress.js';

/** Is the key press meant for a control or a widget rather than for turning the page? @param {KeyboardEvent} event */
function isForSomethingElse(event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return true;
  const target = /** @type {HTMLElement} */ (event.target);
  return Boolean(target.closest?.('input, textarea, select, [contenteditable], [role="slider"]')) || target.tagName.includes('-');
}

/**
 * Puts a copy of step `section.dataset.pins`'s last figure (a `section.dataset.pinFigure`, the build found which)
 * beside the step's text (replacing an earlier copy).
 * A graph stepper opens at the step its original shows, so the picture matches what the learner just saw.
 * @param {HTMLElement} article @param {HTMLElement} section @param {string} lang
 */
function pinFigure(article, section, lang) {
  const n = Number(section.dataset.pins);
  const source = /** @type {HTMLElement|null} */ (article.querySelector(`.step[data-step="${n}"]`));
  const tag = section.dataset.pinFigure;
  const figure = /** @type {HTMLElement|null} */ ((tag && [...(source?.querySelectorAll(tag) ?? [])].at(-1)) || null);
  if (!source || !figure) return;
  const copy = /** @type {HTMLElement} */ (figure.cloneNode(true));
  copy.removeAttribute('id');
  copy.removeAttribute('data-ready');
  const at = /** @type {any} */ (figure).step;
  if (figure.localName === 'bp-graph' && figure.dataset.ready === 'true' && Number.isInteger(at)) copy.setAttribute('at', String(at));
  const caption = document.createElement('p');
  caption.className = 'step-pin-caption';
  caption.textContent = t('lessons.pinned', { n, title: source.dataset.title ?? '' }, lang);
  const aside = document.createElement('aside');
  aside.className = 'step-pin';
  aside.dataset.pinOf = String(n);
  aside.append(caption, copy);
  section.querySelector(':scope > .step-pin')?.remove();
  section.prepend(aside);
}

/** @param {HTMLElement} main the <main class="lesson"> of a lesson page */
export function startLesson(main) {
  const slug = main.dataset.slug ?? '';
  const count = Number(main.dataset.count);
  const nav = /** @type {HTMLElement} */ (main.querySelector('.step-nav'));
  const back = /** @type {HTMLButtonElement} */ (nav.querySelector('.step-back'));
  const next = /** @type {HTMLButtonElement} */ (nav.querySelector('.step-next'));
  const dots = /** @type {HTMLElement} */ (nav.querySelector('.step-dots'));
  const counter = /** @type {HTMLElement} */ (nav.querySelector('.step-count'));
  /** @type {Set<Element>} */
  const passed = new Set();

  let lang = startShell({ onLanguage: (chosen) => {
    lang = chosen;
    show(step, false);
  } });
  const article = () => /** @type {HTMLElement} */ (main.querySelector(`.lesson-article[lang="${lang}"]`));
  const clamp = (/** @type {number} */ n) => (Number.isInteger(n) && n >= 1 ? (n > count ? count : n) : 1);
  const fromUrl = Number.parseInt(new URLSearchParams(location.search).get('step') ?? '', 10);
  let step = clamp(Number.isNaN(fromUrl) ? readProgress()[slug]?.step ?? 1 : fromUrl);

  /** @param {number} n @param {boolean} moveFocus */
  function show(n, moveFocus) {
    step = clamp(n);
    for (const section of main.querySelectorAll('.step')) {
      section.classList.toggle('is-current', /** @type {HTMLElement} */ (section).dataset.step === String(step));
    }
    for (const aside of main.querySelectorAll('.step-pin')) aside.remove();
    const current = /** @type {HTMLElement|null} */ (article().querySelector(`.step[data-step="${step}"][data-pins]`));
    if (current) pinFigure(article(), current, lang);
    const record = updateLesson(slug, { step, count });
    back.disabled = step === 1;
    nav.classList.toggle('at-end', step === count);
    counter.textContent = t('lessons.stepOf', { n: step, total: count }, lang);
    nav.setAttribute('aria-label', t('lessons.stepsNav', {}, lang));
    dots.replaceChildren(...[...article().querySelectorAll('.step')].map((section, index) => {
      const n = index + 1;
      const dot = document.createElement('button');
      dot.type = 'button';
      dot.setAttribute('aria-label', t('lessons.goToStep', { n, title: /** @type {HTMLElement} */ (section).dataset.title ?? '' }, lang));
      if (n === step) dot.setAttribute('aria-current', 'step');
      else if (n <= record.furthest) dot.classList.add('seen');
      dot.addEventListener('click', () => show(n, true));
      return wrap(dot);
    }));
    document.title = `${article().dataset.title} · ${t('lessons.site', {}, lang)}`;
    setUrlParam('step', String(step));
    main.dataset.step = String(step);
    if (moveFocus) {
      const heading = /** @type {HTMLElement|null} */ (article().querySelector('.step.is-current h2'));
      heading?.setAttribute('tabindex', '-1');
      heading?.focus({ preventScroll: true });
      article().scrollIntoView({ block: 'start' });
    }
  }

  /** @param {HTMLElement} dot */
  function wrap(dot) {
    const item = document.createElement('li');
    item.append(dot);
    return item;
  }

  back.addEventListener('click', () => show(step - 1, true));
  next.addEventListener('click', () => show(step + 1, true));
  document.addEventListener('keydown', (event) => {
    if (isForSomethingElse(event)) return;
    if (event.key === 'ArrowRight' && step < count) show(step + 1, true);
    else if (event.key === 'ArrowLeft' && step > 1) show(step - 1, true);
    else return;
    event.preventDefault();
  });
  main.addEventListener('bp-check', (event) => {
    const target = /** @type {Element} */ (event.target);
    if (!/** @type {CustomEvent} */ (event).detail?.correct) return;
    passed.add(target);
    const lessonArticle = target.closest('.lesson-article');
    const all = [...(lessonArticle?.querySelectorAll('bp-check') ?? [])];
    if (all.every((check) => passed.has(check))) {
      updateLesson(slug, { done: true });
      main.dataset.done = 'true';
    }
  });
  show(step, false);
  main.dataset.ready = 'true';
}
