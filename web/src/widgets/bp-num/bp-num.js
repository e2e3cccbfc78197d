// @ts-check
// <bp-num expr="apple*apple_num*tax" values="apple=100, apple_num=2, tax=1.1" show="grad:apple" digits="4">:
// one number in running text, computed live by the engine (the build fills in the same number for first paint,
// shown until the engine answers). `show` is value | grad:VAR | node:NAME | nodegrad:NAME; gradients take the
// gradient colour. The raw number is kept in data-value.
import { loadEngine } from '../../engine/load.js';
import { formatNumber, pick } from '../lesson-kit/format.js';
import { BpElement, defineWidget } from '../base/bp-element.js';
import { EXPR, VALUES } from '../base/formula-attributes.js';

export class BpNum extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-num',
    summary: 'One number in running text (a value or a gradient of a formula), computed live by the engine.',
    engine: 'formula',
    inline: true,
    attributes: [
      EXPR,
      VALUES,
      { name: 'show', type: 'string', default: 'value', doc: 'value, grad:VAR (∂f/∂VAR), node:NAME, nodegrad:NAME, or steps:forward / steps:backward (the trace’s step counts).' },
      { name: 'digits', type: 'integer', default: '4', min: 0, max: 12, doc: 'Decimals shown (the policy of the number format).' },
      { name: 'seed', type: 'string', default: '', doc: 'The number as a source text writes it (a lesson test checks the engine agrees at that precision).' },
    ],
    example: 'expr="apple*apple_num*tax" values="apple=100, apple_num=2, tax=1.1" show="grad:apple"',
  });

  static css = ':host { display: inline; } :host > div, div { display: inline; }';

  update() {
    this.withEngine(loadEngine, (engine) => {
      const show = String(this.attr('show'));
      const value = pick(engine.grad(String(this.attr('expr')), /** @type {Record<string, string>} */ (this.attr('values'))), show);
      this.body.className = /grad/.test(show) ? 'grad num' : 'value num';
      this.body.textContent = formatNumber(value, Number(this.attr('digits')));
      this.dataset.value = String(value);
    });
  }

  /** In running text a box would break the line: a "?" with the reason as its tooltip. @param {Error} error */
  showError(error) {
    this.body.className = 'error';
    this.body.textContent = '?';
    this.body.title = error.message;
  }
}

defineWidget(BpNum);
