// @ts-check
// bp-check kind="order": the backward steps of a formula (one per operation, as the engine reports them) start in
// forward order; the learner moves them with ↑/↓ buttons into the order backprop runs them, then checks. Right
// means the engine's own order. Use chain-like formulas, where that order is the only one.
import { texNode, el } from '../lesson-kit/kit.js';

/** @param {import('./predict.js').CheckContext} c */
export function buildOrder({ host, report, area, grade }) {
  const steps = report.backward.filter((step) => step.kind === 'chain');
  const right = steps.map((step) => String(step.node));
  const list = el('ol', { class: 'scroll order' });
  const item = (/** @type {typeof steps[number]} */ step) => {
    const li = el('li', { 'data-node': String(step.node) });
    const row = el('div', { class: 'item' });
    const up = el('button', { type: 'button', class: 'quiet up', 'aria-label': host.say('check.order.up') }, ['↑']);
    const down = el('button', { type: 'button', class: 'quiet down', 'aria-label': host.say('check.order.down') }, ['↓']);
    const text = el('span', {}, step.inputs.map((edge) => el('div', { class: 'edge' }, [texNode(edge.latex)])));
    up.addEventListener('click', () => { if (li.previousElementSibling) { list.insertBefore(li, li.previousElementSibling); up.focus(); } });
    down.addEventListener('click', () => { if (li.nextElementSibling) { list.insertBefore(li.nextElementSibling, li); down.focus(); } });
    row.append(up, down, text);
    li.append(row);
    return li;
  };
  list.append(...[...steps].reverse().map(item));
  const submit = el('button', { type: 'button', class: 'submit' }, [host.say('check.submit')]);
  submit.addEventListener('click', () => {
    const now = [...list.children].map((li) => /** @type {HTMLElement} */ (li).dataset.node);
    const correct = now.join(',') === right.join(',');
    grade(correct, host.say(correct ? 'check.order.right' : 'check.order.wrong'));
  });
  area.append(el('p', { class: 'muted' }, [host.say('check.order.hint')]), list, submit);
}
