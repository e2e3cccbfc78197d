// @ts-check
// <bp-check kind="predict|pattern|order" expr="..." values="...">: the graded check-yourself exercise that ends
// each lesson. The right answer always comes from the engine's report (a value or gradient, a gate's pattern,
// the order of the backward steps); this element only asks, compares and says so. After grading it dispatches a
// bubbling `bp-check` event {correct} and sets data-state="correct"|"wrong".
import { loadEngine } from '../../engine/load.js';
import { say, shadowBox, valuesOf, el } from '../lesson-kit/kit.js';
import { buildPredict } from './predict.js';
import { buildPattern } from './pattern.js';
import { buildOrder } from './order.js';

const KINDS = { predict: buildPredict, pattern: buildPattern, order: buildOrder };

const CSS = `
.box { border-left: 5px solid var(--accent, #2f5bd3); }
.row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.4rem 0; }
.feedback { min-height: 1.5em; margin: 0.5rem 0 0; }
.box p:first-child { margin-top: 0; }
button[role="radio"] { text-align: left; }
button[role="radio"][aria-checked="true"] { background: var(--accent, #2f5bd3); color: var(--bg, #fff); }
`;

export class BpCheck extends HTMLElement {
  async connectedCallback() {
    if (this.dataset.built) return;
    this.dataset.built = 'true';
    const body = shadowBox(this, CSS);
    const box = el('div', { class: 'box', role: 'group', 'aria-label': say(this, 'check.title') });
    const feedback = el('p', { class: 'feedback', role: 'status', 'aria-live': 'polite' });
    body.append(box);
    const kind = /** @type {keyof typeof KINDS} */ (this.getAttribute('kind') ?? 'predict');
    const build = KINDS[kind];
    if (!build) throw new Error(`bp-check: unknown kind "${kind}"`);
    const engine = await loadEngine();
    const report = engine.grad(this.getAttribute('expr') ?? '', valuesOf(this));
    const area = el('div');
    box.append(area, feedback);
    build({
      host: this, engine, report, area,
      /** @param {boolean} correct @param {string} message */
      grade: (correct, message) => {
        feedback.className = `feedback ${correct ? 'ok' : 'bad'}`;
        feedback.textContent = message;
        this.dataset.state = correct ? 'correct' : 'wrong';
        this.dispatchEvent(new CustomEvent('bp-check', { bubbles: true, composed: true, detail: { correct } }));
      },
      /** @param {string} message */
      note: (message) => {
        feedback.className = 'feedback muted';
        feedback.textContent = message;
      },
    });
    this.dataset.ready = 'true';
  }
}

if (!customElements.get('bp-check')) customElements.define('bp-check', BpCheck);
