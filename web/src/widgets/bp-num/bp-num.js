// @ts-check
// <bp-num expr="apple*apple_num*tax" values="apple=100, apple_num=2, tax=1.1" show="grad:apple" digits="4">:
// one number in running text, computed live by the engine (the build fills in the same number for first paint).
// `show` is value | grad:VAR | node:NAME | nodegrad:NAME. The raw number is kept in data-value.
import { loadEngine } from '../../engine/load.js';
import { formatNumber, pick } from '../lesson-kit/format.js';
import { valuesOf } from '../lesson-kit/kit.js';

export class BpNum extends HTMLElement {
  static observedAttributes = ['expr', 'values', 'show', 'digits'];

  connectedCallback() { this.update(); }
  attributeChangedCallback() { if (this.isConnected) this.update(); }

  async update() {
    const engine = await loadEngine();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    try {
      const value = pick(engine.grad(this.getAttribute('expr') ?? '', valuesOf(this)), this.getAttribute('show') ?? 'value');
      root.textContent = formatNumber(value, Number(this.getAttribute('digits') ?? 4));
      this.dataset.value = String(value);
    } catch (error) {
      root.textContent = '?';
      console.error(`bp-num: ${/** @type {Error} */ (error).message}`);
    }
  }
}

if (!customElements.get('bp-num')) customElements.define('bp-num', BpNum);
