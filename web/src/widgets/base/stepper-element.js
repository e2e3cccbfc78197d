// @ts-check
// What the two steppers (<bp-graph>, <bp-tensor-graph>) share on top of the base element: a position in a trace
// of steps with its step API (step, next, previous, reset, showAll, quiz), the toolbar (previous, next, reset,
// show all, the "Quiz me" switch, the counter the lesson pages hide), the keys ← → Home End while the widget has
// focus (never while typing an answer), and the out-of-date state: the last good drawing dimmed, inert and marked.
import { el } from '../lesson-kit/kit.js';
import { BpElement } from './bp-element.js';

/** The toolbar's and the out-of-date look (the switch has a 44 px touch target). */
export const STEPPER_CSS = `
:host { outline: none; }
:host(:focus-visible) .box { outline: 3px solid var(--bp-accent); outline-offset: 2px; }
.toolbar .counter { margin-left: auto; }
.switch { display: inline-flex; gap: 0.45rem; align-items: center; min-height: var(--bp-touch); }
.switch::before { content: ""; width: 2.2rem; height: 1.25rem; border-radius: 1rem; flex: none;
  background: var(--bp-border) radial-gradient(circle at 0.62rem 50%, var(--bp-card) 0.42rem, transparent 0.46rem); }
.switch[aria-checked="true"]::before { background: var(--bp-accent) radial-gradient(circle at 1.58rem 50%, var(--bp-card) 0.42rem, transparent 0.46rem); }
.box + .box { margin-top: 0.6rem; }
.stale { opacity: 0.5; filter: grayscale(1); }
.stale-note { font-weight: 700; margin: 0 0 0.4rem; }
@media (max-width: 520px) { .toolbar .counter { margin-left: 0; width: 100%; } }
`;

export class StepperElement extends BpElement {
  position = 0;
  /** @type {{previous: HTMLButtonElement, next: HTMLButtonElement, reset: HTMLButtonElement, all: HTMLButtonElement} | null} */
  buttons = null;
  /** @type {HTMLButtonElement | null} */
  quizToggle = null;
  /** @type {HTMLElement | null} */
  counter = null;

  connectedCallback() {
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.addEventListener('keydown', this.onKey);
    super.connectedCallback();
  }

  disconnectedCallback() {
    this.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  /** How many steps the trace has (0 before the engine answered). */
  get stepCount() { return 0; }
  /** Moves to step `n` and shows it (the widget's own). @param {number} n @param {{quiet?: boolean}} [options] */
  go(n, options = {}) { this.position = n; void options; }

  get step() { return this.position; }
  set step(n) { this.go(n); }
  get quiz() { return this.getAttribute('mode') === 'quiz'; }
  set quiz(on) { if (on) this.setAttribute('mode', 'quiz'); else this.removeAttribute('mode'); }
  next() { this.go(this.position + 1); }
  previous() { this.go(this.position - 1); }
  reset() { this.go(0); }
  showAll() { this.go(this.stepCount); }

  /** The toolbar, with its strings under `prefix` (`graph.next`, ...). @param {string} prefix @param {string} label */
  stepperToolbar(prefix, label) {
    const button = (/** @type {string} */ key, /** @type {() => void} */ action, quiet = true) => this.button(this.say(`${prefix}.${key}`), action, { quiet });
    this.buttons = {
      previous: button('previous', () => this.previous()),
      next: button('next', () => this.next(), false),
      reset: button('reset', () => this.reset()),
      all: button('showAll', () => this.showAll()),
    };
    this.quizToggle = this.button(this.say(`${prefix}.quizToggle`), () => { this.quiz = !this.quiz; }, { quiet: true, className: 'switch' });
    this.quizToggle.setAttribute('role', 'switch');
    this.counter = el('span', { class: 'counter muted num', part: 'counter' });
    return el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': label }, [
      this.buttons.previous, this.buttons.next, this.buttons.reset, this.buttons.all, this.quizToggle, this.counter]);
  }

  /** The toolbar for step `n` of `total`: what can be pressed, the switch, the counter. @param {string} counterText */
  showToolbar(counterText) {
    const n = this.position, total = this.stepCount;
    if (!this.buttons || !this.quizToggle || !this.counter) return;
    this.buttons.previous.disabled = n === 0;
    this.buttons.reset.disabled = n === 0;
    this.buttons.next.disabled = n === total;
    this.buttons.all.disabled = n === total;
    this.quizToggle.setAttribute('aria-checked', String(this.quiz));
    this.counter.textContent = counterText;
  }

  /** The drawing's box (the one that is dimmed when out of date), or null. @returns {HTMLElement | null} */
  drawingBox() { return null; }

  /** Dims the drawing and says it is out of date while the `stale` attribute is set. @param {string} note */
  showStale(note) {
    const box = this.drawingBox();
    if (!box || box.hasAttribute('inert')) return;  // an error already marked it
    const stale = Boolean(this.attr('stale'));
    box.classList.toggle('stale', stale);
    box.querySelector('.stale-note')?.remove();
    if (stale) box.prepend(el('p', { class: 'stale-note' }, [note]));
  }

  /** `alert` above the last good drawing, which stays dimmed, inert and marked out of date.
   * @param {HTMLElement} alert @param {string} note */
  showOverStale(alert, note) {
    const previous = this.drawingBox();
    if (previous) {
      if (!previous.classList.contains('stale')) previous.prepend(el('p', { class: 'stale-note' }, [note]));
      previous.classList.add('stale');
      previous.setAttribute('inert', '');
      this.body.replaceChildren(alert, previous);
    } else {
      this.body.replaceChildren(alert);
    }
  }

  /** A key the widget handles itself first (e.g. zoom); true when it did. @param {KeyboardEvent} event */
  handleOwnKey(event) { void event; return false; }

  /** ArrowRight / ArrowLeft / Home / End step the widget while it has focus, unless the learner is typing. */
  onKey = (/** @type {KeyboardEvent} */ event) => {
    const target = /** @type {HTMLElement} */ (event.composedPath()[0]);
    if (target instanceof HTMLInputElement) return;
    if (this.handleOwnKey(event)) return void event.preventDefault();
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const actions = { ArrowRight: () => this.next(), ArrowLeft: () => this.previous(), Home: () => this.reset(), End: () => this.showAll() };
    const action = actions[/** @type {keyof typeof actions} */ (event.key)];
    if (!action || this.stepCount === 0) return;
    event.preventDefault();
    action();
  };
}
