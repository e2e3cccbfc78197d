// @ts-check
// bp-check kind="pattern": which gate pattern does a node follow? `op="max"` asks about the first node with that
// operation, `var="a"` about a variable used more than once (fan-out). The right choice is the engine's `pattern`
// for the node (distribute, swap, route), or "sum" when the engine reports a fan-out above one.
import { el } from '../lesson-kit/kit.js';

const CHOICES = ['distribute', 'swap', 'route', 'sum'];

/** @param {import('./predict.js').CheckContext} c */
export function buildPattern({ host, report, area, grade }) {
  const op = String(host.attr('op'));
  const variable = String(host.attr('var'));
  const node = report.nodes.find((candidate) => (op ? candidate.op === op : candidate.name === variable));
  if (!node) throw new Error(`bp-check: no ${op ? `op ${op}` : `variable ${variable}`} in ${report.formula}`);
  const right = variable ? (node.fanout > 1 ? 'sum' : '') : node.pattern;
  const group = el('div', { role: 'radiogroup', 'aria-label': host.say('check.pattern.question') });
  for (const choice of CHOICES) {
    const button = el('button', { type: 'button', class: 'quiet', 'data-choice': choice, role: 'radio', 'aria-checked': 'false' },
      [host.say(`check.pattern.${choice}`)]);
    button.addEventListener('click', () => {
      for (const other of group.querySelectorAll('button')) other.setAttribute('aria-checked', String(other === button));
      grade(choice === right, host.say(choice === right ? 'check.pattern.right' : 'check.pattern.wrong'));
    });
    group.append(el('div', { class: 'row' }, [button]));
  }
  area.append(group);
}
