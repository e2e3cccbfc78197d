// @ts-check
// <bp-check kind="predict|pattern|order" expr="..." values="...">: the graded check-yourself exercise that ends
// each lesson. The right answer always comes from the engine's report (a value or gradient, a gate's pattern,
// the order of the backward steps); this element only asks, compares and says so. After grading it dispatches a
// bubbling `bp-check` event {correct} and sets data-state="correct"|"wrong".
import { loadEngine } from '../../engine/load.js';
import '../../i18n/lesson-widgets.js';
import { el } from '../lesson-kit/kit.js';
import { BpElement, defineWidget } from '../base/bp-element.js';
import { EXPR, VALUES } from '../base/formula-attributes.js';
import { buildPredict } from './predict.js';
import { buildPattern } from './pattern.js';
import { buildOrder } from './order.js';

const KINDS = { predict: buildPredict, pattern: buildPattern, order: buildOrder };

const CSS = `
.box { border-left: 5px solid var(--bp-accent); }
.row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.4rem 0; }
.feedback { min-height: 1.5em; margin: 0.5rem 0 0; }
button[role="radio"] { text-align: left; }
button[role="radio"][aria-checked="true"] { background: var(--bp-accent); color: var(--bp-on-accent); }
.order { padding-left: 1.5rem; }
.order .item { display: flex; gap: 0.5rem; align-items: center; margin: 0.3rem 0; padding: 0.3rem 0.5rem;
  border: 1px solid var(--bp-border); border-radius: 8px; }
.order .edge { padding: 0.2rem 0; }
`;

export class BpCheck extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-check',
    summary: 'A graded check-yourself exercise: predict a number, name a gate pattern, or order the backward steps.',
    engine: 'formula',
    attributes: [
      { name: 'kind', type: 'enum', values: ['predict', 'pattern', 'order'], default: 'predict', doc: 'The kind of question.' },
      EXPR,
      VALUES,
      { name: 'show', type: 'string', default: 'value', doc: 'predict: what to predict: value, grad:VAR, node:NAME or nodegrad:NAME.' },
      { name: 'tolerance', type: 'number', default: '0.006', min: 0, doc: 'predict: how far an answer may be from the engine’s.' },
      { name: 'digits', type: 'integer', default: '4', min: 0, max: 12, doc: 'predict: decimals of the answer shown.' },
      { name: 'op', type: 'string', default: '', doc: 'pattern: ask about the first node with this operation (add, mul, max, …).' },
      { name: 'var', type: 'string', default: '', doc: 'pattern: ask about this variable (used more than once).' },
    ],
    events: [{ name: 'bp-check', detail: '{correct}', doc: 'After each graded answer.' }],
    example: 'kind="predict" expr="(x+y)*z" values="x=-2, y=5, z=-4" show="grad:x"',
  });

  static css = CSS;

  update() {
    delete this.dataset.state;
    this.withEngine(loadEngine, (engine) => {
      const kind = /** @type {keyof typeof KINDS} */ (this.attr('kind'));
      const report = engine.grad(String(this.attr('expr')), /** @type {Record<string, string>} */ (this.attr('values')));
      const feedback = el('p', { class: 'feedback', role: 'status', 'aria-live': 'polite' });
      const area = el('div');
      this.body.replaceChildren(this.box([area, feedback], { role: 'group', 'aria-label': this.say('check.title') }));
      KINDS[kind]({
        host: this, engine, report, area,
        grade: (correct, message) => {
          feedback.className = `feedback ${correct ? 'correct' : 'wrong'}`;
          feedback.textContent = message;
          this.dataset.state = correct ? 'correct' : 'wrong';
          this.emit('bp-check', { correct });
        },
        note: (message) => {
          feedback.className = 'feedback muted';
          feedback.textContent = message;
        },
      });
    });
  }
}

defineWidget(BpCheck);
