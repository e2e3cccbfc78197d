// @ts-check
// <bp-softmax logits="1, 2, 3" target="1">: logits with sliders (as many as the engine's limits.softmax allows),
// their softmax outputs ŷⱼ as bars, the cross-entropy gradient ∂L/∂zᵢ for the chosen true class (which is ŷ − y, ŷ
// the prediction and y the one-hot target, as in the lessons' glossary), and the Jacobian ∂ŷⱼ/∂zᵢ. The engine's
// softmax() computes all of it (with the max shift and log-sum-exp, so logits of 800 or 1e300 are fine); this
// element only draws. `data-outputs` and `data-grads` hold the engine's numbers (comma lists).
import { loadEngine } from '../../engine/load.js';
import '../../i18n/lesson-widgets.js';
import { formatNumber } from '../lesson-kit/format.js';
import { el, texNode } from '../lesson-kit/kit.js';
import { BpElement, defineWidget } from '../base/bp-element.js';
import { AttributeError } from '../base/read-attribute.js';

const CSS = `
.grid { display: grid; grid-template-columns: auto minmax(0, 1fr) 5.5rem minmax(0, 1fr); gap: 0.4rem 0.7rem; align-items: center; }
.bar { height: 1rem; background: var(--bp-value); border-radius: 3px; min-width: 1px; }
.track { background: var(--bp-value-soft); border-radius: 3px; }
input[type=range] { width: 100%; min-width: 0; margin: 0; accent-color: var(--bp-value); }
input[type=number] { width: 5.5rem; }
table { margin-top: 0.5rem; }
td.grad { font-style: italic; }
.classes { display: flex; gap: 0.25rem 0.75rem; flex-wrap: wrap; align-items: center; margin: 0.5rem 0; }
.classes label { display: inline-flex; align-items: center; gap: 0.2rem; min-height: 2rem; }
h4 { margin: 0.8rem 0 0.3rem; font-size: 1rem; }
@media (max-width: 520px) { .grid { grid-template-columns: auto minmax(0, 1fr); } }
`;

export class BpSoftmax extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-softmax',
    summary: 'Logits in, softmax probabilities and the cross-entropy gradient ŷ − y out, with the Jacobian.',
    engine: 'formula',
    figure: true,
    attributes: [
      { name: 'logits', type: 'string', default: '0, 0, 0',
        doc: 'The logits: a list such as 1, 2, 3 (one per class, within the engine’s capabilities().limits.softmax), or named z0=1, z1=2, z2=3.' },
      { name: 'target', type: 'integer', default: '1', min: 0, doc: 'The true class, counted from 0.' },
    ],
    example: 'logits="1, 1.9969, 2.9966" target="1"',
  });

  static css = CSS;

  /**
   * The logits as text, z0 first: from a plain list or the named form (any order, each name once), as many as the
   * engine takes. @param {import('../../engine/capabilities.js').SoftmaxLimits} limits
   */
  logits({ min_logits: min, max_logits: max }) {
    const text = String(this.attr('logits')).trim();
    const parts = text.split(/[,;\s]+/).filter(Boolean);
    const named = parts.some((part) => part.includes('='));
    /** @type {string[]} */
    const logits = [];
    for (const [i, part] of parts.entries()) {
      const [name, value] = named ? part.split('=') : [`z${i}`, part];
      const index = /^z(\d+)$/.exec(name ?? '')?.[1];
      if (index === undefined || value === undefined) throw new AttributeError('logits', this.say('softmax.badName', { name: part }));
      if (!Number.isFinite(Number(value)) || value.trim() === '') throw new AttributeError('logits', this.say('widget.attr.notNumber', { text: value }));
      logits[Number(index)] = value;
    }
    const count = logits.length;
    // A named list may skip a name (z0, z2): its array then has a hole, which Object.keys does not count.
    if (count < min || count > max || Object.keys(logits).length !== count) {
      throw new AttributeError('logits', this.say('softmax.badCount', { min, max }));
    }
    return logits;
  }

  update() {
    this.withEngine(loadEngine, (engine) => {
      const logits = this.logits(engine.capabilities().limits.softmax);
      const names = logits.map((_, j) => `z${j}`);
      let target = Number(this.attr('target'));
      if (target >= names.length) throw new AttributeError('target', this.say('softmax.badTarget', { max: names.length - 1 }));

      const grid = el('div', { class: 'grid' });
      const rows = names.map((name, j) => {
        const slider = el('input', { type: 'range', min: '-4', max: '4', step: '0.01', value: logits[j], 'aria-label': name });
        const number = el('input', { type: 'number', step: 'any', value: logits[j], 'aria-label': name, 'data-logit': name });
        const bar = el('div', { class: 'bar' });
        const text = el('span', { class: 'num value' });
        slider.addEventListener('input', () => { number.value = slider.value; logits[j] = slider.value; show(); });
        number.addEventListener('input', () => {
          if (number.value === '') return;
          slider.value = number.value;
          logits[j] = number.value;
          show();
        });
        grid.append(texNode(`z_{${j}}`), slider, number, el('span', {}, [el('div', { class: 'track' }, [bar]), text]));
        return { bar, text };
      });
      const classes = el('div', { class: 'classes', role: 'radiogroup', 'aria-label': this.say('softmax.target') },
        [this.say('softmax.target'), ...names.map((_, j) => {
          const radio = el('input', { type: 'radio', name: 'target', value: String(j), checked: j === target });
          radio.addEventListener('change', () => { target = j; show(); });
          return el('label', {}, [radio, ` ${j}`]);
        })]);
      const gradValues = el('span', { class: 'grad' });
      const lossValue = el('span', { class: 'value' });
      // The table's labels are typeset once; a move only rewrites the engine's numbers in its cells.
      const cells = names.map(() => names.map(() => el('td', { class: 'num grad' })));
      const jacobian = el('table', { class: 'jacobian' }, [
        el('tr', {}, [el('th', {}, [texNode('\\partial \\hat y_j/\\partial z_i')]), ...names.map((_, i) => el('th', {}, [texNode(`z_{${i}}`)]))]),
        ...cells.map((row, j) => el('tr', {}, [el('th', {}, [texNode(`\\hat y_{${j}}`)]), ...row]))]);
      this.body.replaceChildren(this.box([el('p', { class: 'title' }, [this.say('softmax.title')]), grid, classes,
        el('h4', {}, [this.say('softmax.gradient')]),
        el('p', { class: 'num grads' }, [texNode('\\nabla_z L = \\hat y - y'), ' = ', gradValues, ', L = ', lossValue]),
        el('h4', {}, [this.say('softmax.jacobian')]), el('div', { class: 'scroll' }, [jacobian])]));

      const column = (/** @type {number} */ value) => formatNumber(value, 4, { keepZeros: true });  // numbers to compare: aligned digits
      const show = () => {
        try {
          const report = engine.softmax(logits, target);
          report.probabilities.forEach((p, j) => {
            rows[j].bar.style.width = `${p * 100}%`;
            rows[j].text.textContent = ` ŷ${j} = ${column(p)}`;
            report.jacobian[j].forEach((entry, i) => { cells[j][i].textContent = column(entry); });
          });
          this.dataset.outputs = report.probabilities.join(',');
          this.dataset.grads = report.grads.join(',');
          gradValues.textContent = `(${report.grads.map(column).join(', ')})`;
          lossValue.textContent = formatNumber(report.loss);
          this.narrate(this.say('softmax.say', { outputs: report.probabilities.map((p) => formatNumber(p)).join(', '), target }));
        } catch (error) {
          gradValues.textContent = ` ${/** @type {Error} */ (error).message}`;
        }
      };
      show();
    });
  }
}

defineWidget(BpSoftmax);
