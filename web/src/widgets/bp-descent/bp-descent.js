// @ts-check
// <bp-descent expr="E" values="w1=..., x=..., y=..." params="w1, w2" rate="0.5">: gradient descent by hand. A table
// of each parameter, its gradient ∂E/∂w and its next value w − η ∂E/∂w, with buttons to take one or ten steps, the
// learning rate η editable (the `rate` attribute is where it starts), and the loss after each step, as numbers and
// as a sparkline. The engine computes the loss, the gradients and each update; this element keeps the list and
// scales the sparkline to its box. data-losses, data-steps, data-rate (the η in force).
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
      const expr = String(this.attr('expr'));
      const params = String(this.attr('params')).split(/[,\s]+/).filter(Boolean);
      let rate = String(this.attr('rate'));
      const start = /** @type {Record<string, string>} */ (this.attr('values'));
      /** @type {Record<string, number|string>} */
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

      /** One update of every parameter, w ← w − η ∂E/∂w, each computed by the engine. */
      const next = (/** @type {import('../../engine/engine.js').Report} */ report) => Object.fromEntries(params.map((name) =>
        [name, engine.grad('w - eta*g', { w: values[name], eta: rate, g: report.grads[name] }).value]));
      const step = () => {
        values = { ...values, ...next(engine.grad(expr, values)) };
        losses = [...losses, engine.grad(expr, values).value];
      };
      const render = () => {
        const report = engine.grad(expr, values);
        const updated = next(report);
        if (losses.length === 0) losses = [report.value];
        table.replaceChildren(
          el('tr', {}, [el('th', {}, [this.say('descent.param')]), el('th', {}, [this.say('descent.value')]),
            el('th', { class: 'grad' }, [texNode('\\partial L/\\partial w')]), el('th', {}, [texNode('w-\\eta\\,\\partial L/\\partial w')])]),
          ...params.map((name) => el('tr', {}, [el('th', {}, [name]), el('td', { class: 'num value' }, [formatNumber(Number(values[name]))]),
            el('td', { class: 'num grad' }, [formatNumber(report.grads[name])]), el('td', { class: 'num value' }, [formatNumber(updated[name])])])));
        history.textContent = this.say('descent.history', { losses: losses.map((loss) => formatNumber(loss)).join(' → ') });
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
      const setRate = () => {
        const text = rateInput.value.trim();
        try {
          if (!(engine.grad('eta', { eta: text }).value > 0)) throw new Error('not positive');
          rate = text;
          rateNote.textContent = '';
          render();
        } catch {
          rateNote.textContent = this.say('descent.badRate');
        }
      };
      rateInput.addEventListener('change', setRate);
      const act = (/** @type {number} */ n) => () => {
        for (let i = 0; i < n; i += 1) step();
        render();
      };
      this.body.replaceChildren(this.box([
        el('p', { class: 'rate' }, [el('label', { for: 'rate' }, [this.say('descent.rateLabel')]), rateInput, rateNote]),
        el('p', { class: 'muted' }, [this.say('descent.rule')]), el('div', { class: 'scroll' }, [table]),
        el('div', { class: 'row' }, [
          this.button(this.say('descent.step'), act(1), { className: 'step-one' }),
          this.button(this.say('descent.steps', { n: 10 }), act(10), { quiet: true, className: 'step-ten' }),
          this.button(this.say('descent.reset'), () => { values = { ...start }; losses = []; render(); }, { quiet: true, className: 'reset' })]),
        spark, history]));
      render();
    });
  }
}

defineWidget(BpDescent);
