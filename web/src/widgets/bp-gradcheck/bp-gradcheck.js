// @ts-check
// <bp-gradcheck expr="..." values="..." params="a, b" h="1e-4">: the numerical gradient, (f(w+h) − f(w−h)) / 2h,
// next to backprop's, for each parameter (h editable), with their relative error |a − n| / max(|a|, |n|) (cs231n's
// measure), the verdict, and the number of engine evaluations each method needed. The engine's gradcheck()
// computes all of it, verdict included; this element lays it out. data-evaluations; data-gaps: the absolute gaps;
// data-errors: the relative errors.
import { loadEngine } from '../../engine/load.js';
import '../../i18n/lesson-widgets.js';
import { formatNumber, PRECISE } from '../lesson-kit/format.js';
import { el } from '../lesson-kit/kit.js';
import { BpElement, defineWidget } from '../base/bp-element.js';
import { EXPR, VALUES } from '../base/formula-attributes.js';

const CSS = `
table { margin: 0.5rem 0; }
.counts { font-weight: 600; }
.row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.verdict-ok { color: var(--bp-correct); }
.verdict-bad { color: var(--bp-wrong); }
`;

export class BpGradcheck extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-gradcheck',
    summary: 'Gradient checking: the numerical gradient by central differences next to backprop’s, and what each costs.',
    engine: 'formula',
    figure: true,
    attributes: [
      EXPR,
      VALUES,
      { name: 'params', type: 'string', default: '', doc: 'The inputs to check, e.g. a, b.' },
      { name: 'h', type: 'string', default: '1e-4', doc: 'The step h of the central difference (editable by the reader).' },
    ],
    example: 'expr="a*b + sigmoid(a)" values="a=0.5, b=-1.5" params="a, b"',
  });

  static css = CSS;

  update() {
    this.withEngine(loadEngine, (engine) => {
      const expr = String(this.attr('expr'));
      const params = String(this.attr('params')).split(/[,\s]+/).filter(Boolean);
      const values = /** @type {Record<string, string>} */ (this.attr('values'));
      const hInput = el('input', { type: 'text', value: String(this.attr('h')), size: 8, id: 'h', spellcheck: false });
      const table = el('table');
      const counts = el('p', { class: 'counts', 'aria-live': 'polite' });
      const roundoff = el('p', { class: 'muted roundoff' });

      const check = () => {
        const report = engine.gradcheck({ formula: expr, values, params, h: hInput.value.trim() });
        const mark = (/** @type {boolean} */ ok) => (ok ? '✓' : '✗');
        table.replaceChildren(
          el('tr', {}, ['param', 'numeric', 'backprop', 'relative'].map((key) => el('th', {}, [this.say(`gradcheck.${key}`)]))),
          ...report.rows.map((row) => el('tr', { 'data-param': row.param }, [el('th', {}, [row.param]),
            el('td', { class: 'num grad' }, [formatNumber(row.numeric, PRECISE)]),
            el('td', { class: 'num grad' }, [formatNumber(row.analytic, PRECISE)]),
            el('td', { class: `num ${row.ok ? 'verdict-ok' : 'verdict-bad'}`, title: this.say('gradcheck.gapTitle', { gap: formatNumber(row.gap, PRECISE) }) },
              [`${formatNumber(row.relative, 2)} ${mark(row.ok)}`])])));
        counts.textContent = this.say('gradcheck.counts', { numeric: report.numeric_evaluations, params: report.rows.length });
        roundoff.textContent = this.say('gradcheck.roundoff', { threshold: report.threshold.toExponential() });
        this.dataset.evaluations = String(report.numeric_evaluations);
        this.dataset.gaps = report.rows.map((row) => row.gap).join(',');
        this.dataset.errors = report.rows.map((row) => row.relative).join(',');
      };
      const guarded = () => {
        try { check(); } catch { counts.textContent = this.say('gradcheck.badH'); }
      };
      hInput.addEventListener('change', guarded);
      this.body.replaceChildren(this.box([
        el('p', { class: 'muted' }, [this.say('gradcheck.intro')]),
        roundoff,
        el('p', { class: 'row' }, [el('label', { for: 'h' }, ['h = ']), hInput, this.button(this.say('gradcheck.run'), guarded, { className: 'run' })]),
        el('div', { class: 'scroll' }, [table]), counts]));
      check();
    });
  }
}

defineWidget(BpGradcheck);
