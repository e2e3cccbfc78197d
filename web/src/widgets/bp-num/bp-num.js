// @ts-check
// <bp-num expr="apple*apple_num*tax" values="apple=100, apple_num=2, tax=1.1" show="grad:apple" digits="4">:
// one number in running text, computed live by the engine (the build fills in the same number for first paint,
// shown until the engine answers). `show` is value | grad:VAR | node:NAME | nodegrad:NAME; gradients take the
// gradient colour. The raw number is kept in data-value. With `net` (a network, as <bp-tensor-graph> takes it) the
// number is an entry of the tensor stepper's trace instead: show="dW1[2,3]" (lesson-kit/tensor-pick.js).
import { loadEngine, loadNetwork } from '../../engine/load.js';
import { formatNumber, pick } from '../lesson-kit/format.js';
import { pickEntry, specOfNet } from '../lesson-kit/tensor-pick.js';
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
      { name: 'show', type: 'string', default: 'value', doc: 'value, grad:VAR (∂f/∂VAR), node:NAME, nodegrad:NAME, or steps:forward / steps:backward (the trace’s step counts). With net: a matrix of the tensor trace and a 1-based entry, e.g. dW1[2,3], db1[1,2], P[1,1], L, dA1[1,2,3,4] (a pixel grid: example, channel, row, column) or grad_norms[1,2] (layer 2’s ‖dW‖).' },
      { name: 'net', type: 'json', maxLength: 200000,
        doc: 'A network instead of a formula: a whole spec as <bp-tensor-graph spec> takes it, or the seeded example’s choices ({"layers": "2-3-2", "batch": 4, "seed": 1, "activation": "sigmoid"}).' },
      { name: 'digits', type: 'integer', default: '4', min: 0, max: 12, doc: 'Decimals shown (the policy of the number format).' },
      { name: 'seed', type: 'string', default: '', doc: 'The number as a source text writes it (a lesson test checks the engine agrees at that precision).' },
    ],
    example: 'expr="apple*apple_num*tax" values="apple=100, apple_num=2, tax=1.1" show="grad:apple"',
  });

  static css = ':host { display: inline; } :host > div, div { display: inline; }';

  update() {
    const net = this.attr('net');
    if (net !== null && net !== '') {
      this.withEngine(loadNetwork, (network) => {
        const show = String(this.attr('show'));
        this.showValue(pickEntry(network.tensorStep(/** @type {any} */ (specOfNet(net, network))), show), /^(d|grad_norms)/.test(show));
      });
      return;
    }
    this.withEngine(loadEngine, (engine) => {
      const show = String(this.attr('show'));
      this.showValue(pick(engine.grad(String(this.attr('expr')), /** @type {Record<string, string>} */ (this.attr('values'))), show), /grad/.test(show));
    });
  }

  /** @param {number} value @param {boolean} gradient */
  showValue(value, gradient) {
    this.body.className = gradient ? 'grad num' : 'value num';
    this.body.textContent = formatNumber(value, Number(this.attr('digits')));
    this.dataset.value = String(value);
  }

  /** In running text a box would break the line: a "?" with the reason as its tooltip. @param {Error} error */
  showError(error) {
    this.body.className = 'error';
    this.body.textContent = '?';
    this.body.title = error.message;
  }
}

defineWidget(BpNum);
