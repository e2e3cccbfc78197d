// @ts-check
// What the tensor stepper shows of one step: a card per matrix the op touches (upstream gradient, the result,
// the values it used; card.js), then the op's rule in matrix form with every
// factor's shape written under it and, when the matrices are small, with the numbers. Cards are <details>: on a
// narrow screen only the result is open and the rest are shape chips that open on a tap.
import { el, texNode } from '../lesson-kit/kit.js';
import { matrixCard } from './card.js';
import { routingView } from './routing.js';
import { engineNote } from '../../i18n/tensor.js';

/** @typedef {import('../../engine/network.js').Step} Step */
/** @typedef {(key: string, params?: Record<string, string|number>) => string} Say */

/** A rule's side note in the reader's language: the engine sends it by key with its parameters (a node's LaTeX,
 * a number), the catalog gives the template; words (\\text{…}) become wrapping text, the math KaTeX. A key no
 * catalog knows falls back to the engine's English `where`. @param {import('../../engine/network.js').StepRule} rule
 * @param {string} locale */
function sideNote(rule, locale) {
  const tex = (rule.note && engineNote(rule.note, locale)) ?? rule.where ?? '';
  const parts = tex.split(/\\text\{([^{}]*)\}/);  // math, words, math, words, …
  const nodes = parts.map((part, i) => (i % 2 === 1 ? el('span', {}, [part]) : part.trim() ? texNode(part, false) : null));
  return el('div', { class: 'where muted' }, /** @type {HTMLElement[]} */ (nodes.filter((node) => node !== null)));
}

/** The rule with its numbers, typeset only when opened (the costliest KaTeX of a step, and the cards show the
 * same numbers). @param {string} tex @param {Say} say */
function withNumbers(tex, say) {
  const details = el('details', { class: 'substituted' }, [el('summary', { class: 'muted small' }, [say('tensor.numbers')])]);
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(texNode(tex, true));
  });
  return details;
}

/** A rule with its factors' shapes under them, typeset inline so that it wraps on a phone (texNode keeps it).
 * @param {import('../../engine/network.js').StepRule} rule */
const ruleTex = (rule) => texNode(`\\displaystyle ${rule.shapes_under}`, false);

/** Typesets a step's rules ahead of time, so that showing it later costs a copy. @param {Step} step */
export function prepareRules(step) {
  for (const rule of step.rules) ruleTex(rule);
}

/**
 * The cards and the rule of `step`.
 * @param {Step} step
 * @param {{say: Say, locale: string, narrow: boolean, onEntry: (target: string, row: number, col: number) => void}} options
 */
export function stageOf(step, options) {
  const { say } = options;
  const backward = step.phase === 'backward';
  const targets = new Set(step.rules.map((r) => r.target));
  const cards = step.matrices.map((m) => {
    const result = targets.has(m.name);
    const upstream = backward && m.name === `d${step.node}`;
    const role = result ? say('tensor.result') : upstream ? say('tensor.upstream') : say('tensor.uses');
    // Only a dense gradient's entries open as sums; an image's gradient is explained by its routing below.
    const entry = m.kind === 'grad' && !m.grid && (result || upstream) ? (/** @type {number} */ r, /** @type {number} */ c) =>
      options.onEntry(m.name, r, c) : undefined;
    const card = matrixCard(m, { say, role, open: !options.narrow || result, onEntry: entry });
    if (result) card.classList.add('result');
    return card;
  });
  const rules = step.rules.map((rule) => el('div', { class: 'rule', 'data-target': rule.target }, [
    el('div', { class: 'rule-tex' }, [ruleTex(rule)]),
    ...(rule.substituted ? [withNumbers(rule.substituted, say)] : []),
    ...(rule.note || rule.where ? [sideNote(rule, options.locale)] : []),
  ]));
  const extra = routingView(step, say);
  return el('div', { class: 'stage' }, [
    el('div', { class: 'cards' }, cards),
    el('div', { class: 'rules', role: 'group', 'aria-label': say('tensor.rule') }, rules),
    ...(extra ? [extra] : []),
  ]);
}
