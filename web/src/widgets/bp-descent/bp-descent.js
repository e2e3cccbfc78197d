// @ts-check
// <bp-descent expr="E" values="w1=..., x=..., y=..." params="w1, w2" rate="0.5">: gradient descent by hand. A table
// of each parameter, its gradient ∂E/∂w and its next value w − η ∂E/∂w, with buttons to take one or ten steps, the
// learning rate η editable (the `rate` attribute is where it starts), and the loss after each step, as numbers and
// as a sparkline. The engine's descent() computes every loss, gradient and update (and refuses a rate that is not
// positive); this element keeps the losses it was given and scales the sparkline to its box. data-losses,
// data-steps, data-rate (the η in force).
import { loadEngine } from '../../engine/load.js';
import '../../i18n/lesson-widgets.js';
import { formatNumber } from '../lesson-kit/format.js';
import { el, texNode } from '../lesson-kit/kit.js';
import { BpElement, defineWidget } from '../base/bp-element.js';
import { EXPR, VALUES } from '../base/formula-attributes.js';

const CSS = `
table { margin: 0.5rem 0; }
td, th { white-space: nowrap; }
.row { display: flex; gap: 0.5rem; flex-wrap: wrap; margin: 0.5rem 0; }
.history { font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.rate { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; margin: 0.25rem 0; }
.rate input { width: 6rem; min-height: 2rem; font: inherit; }
.spark { display: block; width: 100%; max-width: 22rem; height: 3.5rem; margin: 0.25rem 0; }
.spark polyline { fill: none; stroke: var(--bp-value); stroke-width: 2.5; stroke-linecap: round; stroke-linejoin: round; vector-effect: non-scaling-stroke; }
.spark circle { fill: var(--bp-value); }
.spark .frame { fill: var(--bp-value-soft); stroke: none; }
`;

export class BpDescent extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-descent',
    summary: 'Gradient descent by hand: each parameter, its gradient and its next value, one or ten steps at a time.',
    engine: 'formula',
    figure: true,
    attributes: [
      EXPR,
      VALUES,
      { name: 'params', type: 'string', default: '', doc: 'The parameters to update, e.g. w1, w2.' },
      { name: 'rate', type: 'number', default: '0.1', min: 0, doc: 'The learning rate η.' },
    ],
    example: 'expr="0.5*(w*x - y)^2" values="w=0.5, x=2, y=3" params="w" rate="0.1"',
  });

  static css = CSS;

  update() {
    this.withEngine(loadEngine, (engine) => {
      const formula = String(this.attr('expr'));
      const params = String(this.attr('params')).split(/[,\s]+/).filter(Boolean);
      let rate = String(this.attr('rate'));
      const start = /** @type {Record<string, string>} */ (this.attr('values'));
      /** @type {import('../../engine/engine.js').Values} the point reached: the start with the latest parameters */
      let values = { ...start };
      /** @type {number[]} */
      let losses = [];
      const table = el('table');
      const history = el('p', { class: 'history', 'aria-live': 'polite' });
      const rateInput = el('input', { type: 'text', id: 'rate', value: rate, inputMode: 'decimal', spellcheck: false });
      const rateNote = el('span', { class: 'muted', 'aria-live': 'polite' });
      const spark = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      spark.setAttribute('class', 'spark');
      spark.setAttribute('role', 'img');
      spark.setAttribute('preserveAspectRatio', 'none');

      /** `steps` updates from the current point, by the engine (0: the current point alone). */
      const run = (/** @type {number} */ steps) => engine.descent({ formula, values, params, rate, steps });
      /** Takes `steps` steps: the engine's last state becomes the current point, its losses join the history. */
      const advance = (/** @type {number} */ steps) => {
        const result = run(steps);
        const reached = result.steps[result.steps.length - 1];
        values = { ...values, ...reached.params };
        if (losses.length === 0) losses = [result.steps[0].loss];
        losses = [...losses, ...result.steps.slice(1).map((state) => state.loss)];
        show(reached, result.diverged);
      };
      const show = (/** @type {import('../../engine/engine.js').DescentState} */ state, /** @type {boolean} */ diverged) => {
        table.replaceChildren(
          el('tr', {}, [el('th', {}, [this.say('descent.param')]), el('th', {}, [this.say('descent.value')]),
            el('th', { class: 'grad' }, [texNode('\\partial L/\\partial w')]), el('th', {}, [texNode('w-\\eta\\,\\partial L/\\partial w')])]),
          ...params.map((name) => el('tr', {}, [el('th', {}, [name]), el('td', { class: 'num value' }, [formatNumber(state.params[name])]),
            el('td', { class: 'num grad' }, [formatNumber(state.grads[name])]), el('td', { class: 'num value' }, [formatNumber(state.next[name])])])));
        history.textContent = this.say('descent.history', { losses: losses.map((loss) => formatNumber(loss)).join(' → ') });
        rateNote.textContent = diverged ? this.say('descent.diverged') : '';
        drawSpark();
        this.dataset.losses = losses.join(',');
        this.dataset.steps = String(losses.length - 1);
        this.dataset.rate = rate;
      };
      /** The losses as a line in a 100 × 30 box, the highest loss at the top (layout only: the losses are the engine's). */
      const drawSpark = () => {
        const finite = losses.filter(Number.isFinite);
        const high = Math.max(...finite);
        const low = Math.min(...finite);
        const span = high - low || 1;
        const x = (/** @type {number} */ i) => (losses.length < 2 ? 50 : (i / (losses.length - 1)) * 96 + 2);
        const y = (/** @type {number} */ loss) => 28 - ((loss - low) / span) * 26;
        const points = losses.map((loss, i) => (Number.isFinite(loss) ? `${x(i).toFixed(2)},${y(loss).toFixed(2)}` : '')).filter(Boolean);
        // One loss so far: a dot (a zero-length line with round caps), so the box is never empty.
        if (points.length === 1) points.push(points[0]);
        spark.setAttribute('viewBox', '0 0 100 30');
        spark.setAttribute('aria-label', this.say('descent.sparkline', { n: losses.length - 1 }));
        spark.innerHTML = `<rect class="frame" x="0" y="0" width="100" height="30" rx="2"></rect><polyline points="${points.join(' ')}"></polyline>`;
      };
      // The engine judges the new rate: a run of no steps with it either answers or names what is wrong.
      const setRate = () => {
        const text = rateInput.value.trim();
        try {
          engine.descent({ formula, values, params, rate: text });
        } catch {
          rateNote.textContent = this.say('descent.badRate');
          return;
        }
        rate = text;
        advance(0);
      };
      rateInput.addEventListener('change', setRate);
      const act = (/** @type {number} */ n) => () => advance(n);
      this.body.replaceChildren(this.box([
        el('p', { class: 'rate' }, [el('label', { for: 'rate' }, [this.say('descent.rateLabel')]), rateInput, rateNote]),
        el('p', { class: 'muted' }, [this.say('descent.rule')]), el('div', { class: 'scroll' }, [table]),
        el('div', { class: 'row' }, [
          this.button(this.say('descent.step'), act(1), { className: 'step-one' }),
          this.button(this.say('descent.steps', { n: 10 }), act(10), { quiet: true, className: 'step-ten' }),
          this.button(this.say('descent.reset'), () => { values = { ...start }; losses = []; advance(0); }, { quiet: true, className: 'reset' })]),
        spark, history]));
      advance(0);
    });
  }
}

defineWidget(BpDescent);
