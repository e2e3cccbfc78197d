// @ts-check
// bp-check kind="order": the backward steps of a formula (one per operation, as the engine reports them) start in
// forward order; the learner moves them with ↑/↓ buttons into the order backprop runs them, then checks. Right
// means the engine's own order. Use chain-like formulas, where that order is the only one.
import { say, tex, el } from '../lesson-kit/kit.js';

const CSS_ROWS = 'display:flex;gap:0.5rem;align-items:center;margin:0.3rem 0;padding:0.3rem 0.5rem;border:1px solid var(--border,#ccc);border-radius:8px;';

/** @param {import('./predict.js').CheckContext} c */
export function buildOrder({ host, report, area, grade }) {
  const steps = report.backward.filter((step) => step.kind === 'chain');
  const right = steps.map((step) => String(step.node));
  const list = el('ol', { class: 'scroll', style: 'padding-left:1.5rem' });
  const item = (/** @type {typeof steps[number]} */ step) => {
    const li = el('li', { 'data-node': String(step.node) });
    const row = el('div', { style: CSS_ROWS });
    const up = el('button', { type: 'button', class: 'quiet up', 'aria-label': say(host, 'check.order.up') }, ['↑']);
    const down = el('button', { type: 'button', class: 'quiet down', 'aria-label': say(host, 'check.order.down') }, ['↓']);
    const text = el('span', {}, step.inputs.map((edge) => el('div', { style: 'padding:0.2rem 0', innerHTML: tex(edge.latex) })));
    up.addEventListener('click', () => { if (li.previousElementSibling) { list.insertBefore(li, li.previousElementSibling); up.focus(); } });
    down.addEventListener('click', () => { if (li.nextElementSibling) { list.insertBefore(li.nextElementSibling, li); down.focus(); } });
    row.append(up, down, text);
    li.append(row);
    return li;
  };
  list.append(...[...steps].reverse().map(item));
  const submit = el('button', { type: 'button', class: 'submit' }, [say(host, 'check.submit')]);
  submit.addEventListener('click', () => {
    const now = [...list.children].map((li) => /** @type {HTMLElement} */ (li).dataset.node);
    const correct = now.join(',') === right.join(',');
    grade(correct, say(host, correct ? 'check.order.right' : 'check.order.wrong'));
  });
  area.append(el('p', { class: 'muted' }, [say(host, 'check.order.hint')]), list, submit);
}
