// @ts-check
// <bp-descent expr="E" values="w1=..., x=..., y=..." params="w1, w2" rate="0.5">: gradient descent by hand. A table
// of each parameter, its gradient ∂E/∂w and its next value w − η ∂E/∂w, with buttons to take one or ten steps and
// the loss after each. The engine computes the loss, the gradients and each update; this element keeps the list.
import { loadEngine } from '../../engine/load.js';
import { formatNumber } from '../lesson-kit/format.js';
import { say, shadowBox, el, tex, valuesOf } from '../lesson-kit/kit.js';

const CSS = `
table { border-collapse: collapse; margin: 0.5rem 0; }
td, th { border: 1px solid var(--border, #ddd); padding: 0.25rem 0.6rem; text-align: right; white-space: nowrap; }
.row { display: flex; gap: 0.5rem; flex-wrap: wrap; margin: 0.5rem 0; }
.history { font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
`;

export class BpDescent extends HTMLElement {
  async connectedCallback() {
    if (this.dataset.built) return;
    this.dataset.built = 'true';
    const engine = await loadEngine();
    const expr = this.getAttribute('expr') ?? '';
    const params = (this.getAttribute('params') ?? '').split(/[,\s]+/).filter(Boolean);
    const rate = this.getAttribute('rate') ?? '0.1';
    const start = valuesOf(this);
    /** @type {Record<string, number|string>} */
    let values = { ...start };
    /** @type {number[]} */
    let losses = [];
    const table = el('table');
    const history = el('p', { class: 'history', 'aria-live': 'polite' });
    const one = el('button', { type: 'button', class: 'step-one' }, [say(this, 'descent.step')]);
    const ten = el('button', { type: 'button', class: 'quiet step-ten' }, [say(this, 'descent.steps', { n: 10 })]);
    const reset = el('button', { type: 'button', class: 'quiet reset' }, [say(this, 'descent.reset')]);

    /** One update of every parameter, w ← w − η ∂E/∂w, each computed by the engine. */
    const next = (/** @type {import('../../engine/engine.js').Report} */ report) => Object.fromEntries(params.map((name) =>
      [name, engine.grad('w - eta*g', { w: values[name], eta: rate, g: report.grads[name] }).value]));

    const render = () => {
      const report = engine.grad(expr, values);
      const updated = next(report);
      if (losses.length === 0) losses = [report.value];
      table.replaceChildren(
        el('tr', {}, [el('th', {}, [say(this, 'descent.param')]), el('th', {}, [say(this, 'descent.value')]),
          el('th', { innerHTML: tex('\\partial E/\\partial w') }), el('th', { innerHTML: tex('w-\\eta\\,\\partial E/\\partial w') })]),
        ...params.map((name) => el('tr', {}, [el('th', {}, [name]), el('td', {}, [formatNumber(Number(values[name]))]),
          el('td', {}, [formatNumber(report.grads[name])]), el('td', {}, [formatNumber(updated[name])])])));
      history.textContent = say(this, 'descent.history', { losses: losses.map((loss) => formatNumber(loss)).join(' → ') });
      this.dataset.losses = losses.join(',');
      this.dataset.steps = String(losses.length - 1);
      return updated;
    };
    const step = () => {
      values = { ...values, ...next(engine.grad(expr, values)) };
      losses = [...losses, engine.grad(expr, values).value];
    };
    one.addEventListener('click', () => { step(); render(); });
    ten.addEventListener('click', () => { for (let i = 0; i < 10; i += 1) step(); render(); });
    reset.addEventListener('click', () => { values = { ...start }; losses = []; render(); });
    shadowBox(this, CSS).append(el('div', { class: 'box' }, [
      el('p', { class: 'muted' }, [say(this, 'descent.rate', { rate })]), el('div', { class: 'scroll' }, [table]),
      el('div', { class: 'row' }, [one, ten, reset]), history]));
    render();
    this.dataset.ready = 'true';
  }
}

if (!customElements.get('bp-descent')) customElements.define('bp-descent', BpDescent);
