// @ts-check
// <bp-gradcheck expr="..." values="..." params="a, b" h="1e-4">: the numerical gradient, (f(w+h) − f(w−h)) / 2h,
// next to backprop's, for each parameter (h editable), with the number of engine evaluations each method needed. Every shifted
// value, every quotient and every difference is computed by the engine; this element counts the calls it makes.
import { loadEngine } from '../../engine/load.js';
import { formatNumber } from '../lesson-kit/format.js';
import { say, shadowBox, el, valuesOf } from '../lesson-kit/kit.js';

const CSS = `
table { border-collapse: collapse; margin: 0.5rem 0; }
td, th { border: 1px solid var(--border, #ddd); padding: 0.25rem 0.6rem; text-align: right; }
.counts { font-weight: 600; }
`;

export class BpGradcheck extends HTMLElement {
  async connectedCallback() {
    if (this.dataset.built) return;
    this.dataset.built = 'true';
    const engine = await loadEngine();
    const expr = this.getAttribute('expr') ?? '';
    const params = (this.getAttribute('params') ?? '').split(/[,\s]+/).filter(Boolean);
    const hInput = el('input', { type: 'text', value: this.getAttribute('h') ?? '1e-4', size: 8, id: 'h', spellcheck: false });
    const values = valuesOf(this);
    const table = el('table');
    const counts = el('p', { class: 'counts', 'aria-live': 'polite' });
    const run = el('button', { type: 'button', class: 'run' }, [say(this, 'gradcheck.run')]);

    const check = () => {
      const h = hInput.value.trim();
      let evaluations = 0;
      /** f at the values with `name` shifted by `sign` h (the shift itself computed by the engine). */
      const shifted = (/** @type {string} */ name, /** @type {string} */ sign) => {
        const moved = engine.grad(`w ${sign} h`, { w: values[name], h }).value;
        evaluations += 1;
        return engine.grad(expr, { ...values, [name]: moved }).value;
      };
      const analytic = engine.grad(expr, values);
      const rows = params.map((name) => {
        const numeric = engine.grad('(fp - fm)/(2*h)', { fp: shifted(name, '+'), fm: shifted(name, '-'), h }).value;
        const gap = engine.grad('abs(a - n)', { a: analytic.grads[name], n: numeric }).value;
        return { name, numeric, analytic: analytic.grads[name], gap };
      });
      table.replaceChildren(
        el('tr', {}, ['param', 'numeric', 'backprop', 'gap'].map((key) => el('th', {}, [say(this, `gradcheck.${key}`)]))),
        ...rows.map((row) => el('tr', { 'data-param': row.name }, [el('th', {}, [row.name]), el('td', {}, [formatNumber(row.numeric, 6)]),
          el('td', {}, [formatNumber(row.analytic, 6)]), el('td', {}, [row.gap.toExponential(1)])])));
      counts.textContent = say(this, 'gradcheck.counts', { numeric: evaluations, params: params.length });
      this.dataset.evaluations = String(evaluations);
      this.dataset.gaps = rows.map((row) => row.gap).join(',');
    };
    const guarded = () => {
      try { check(); } catch { counts.textContent = say(this, 'gradcheck.badH'); }
    };
    run.addEventListener('click', guarded);
    hInput.addEventListener('change', guarded);
    shadowBox(this, CSS).append(el('div', { class: 'box' }, [
      el('p', { class: 'muted' }, [say(this, 'gradcheck.intro')]),
      el('p', { class: 'row' }, [el('label', { for: 'h' }, ['h = ']), hInput, ' ', run]), el('div', { class: 'scroll' }, [table]), counts]));
    check();
    this.dataset.ready = 'true';
  }
}

if (!customElements.get('bp-gradcheck')) customElements.define('bp-gradcheck', BpGradcheck);
