// @ts-check
// "Backprop one point": one sample's trip through the network as the engine computed it (float64): the inputs,
// then per layer each unit's z and a (forward) and ∂L/∂a and δ = ∂L/∂z (backward); at the logits the softmax p,
// the one-hot label y and δ = p − y; a bar per class probability. Every number cell carries its full value in
// data-value (the page tests read those). Also the chain-rule lines for one weight, typeset like the stepper's.
// Drawing only: the numbers and the LaTeX come from the engine.
import { texNode } from '../../widgets/lesson-kit/kit.js';
import { formatNumber } from '../../widgets/lesson-kit/format.js';

/** Rounded for the eye (4 significant digits, small numbers in e-notation); the cell keeps the exact value. @param {number} v */
export function show(v) {
  if (!Number.isFinite(v) || v === 0 || Math.abs(v) >= 1e-3) return formatNumber(v, Math.abs(v) >= 100 ? 1 : 4);
  return v.toExponential(2).replace(/^-/, '−');
}

/** @param {string} tag @param {Record<string, string>} attrs @param {(Node|string)[]} children */
function h(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}
/** A number cell. @param {number} value @param {Record<string, string>} where */
const cell = (value, where) => h('td', { class: 'num', 'data-value': String(value), ...where }, [show(value)]);

/**
 * @param {HTMLElement} host
 * @param {import('../../engine/trainer.js').SampleTrace} s
 * @param {(key: string, params?: Record<string, string|number>) => string} t the page's translations
 */
export function renderSample(host, s, t) {
  const last = s.layers.length - 1;
  const summary = h('p', { class: 'sample-summary', 'data-row': String(s.row), 'data-label': String(s.label),
    'data-prediction': String(s.prediction), 'data-loss': String(s.loss) }, [
    t(s.test ? 'train.sample.testRow' : 'train.sample.trainRow', { row: s.row }), ' · ',
    t('train.sample.label', { label: s.label, prediction: s.prediction }), ' · ',
    t('train.sample.loss', { loss: show(s.loss) }),
  ]);
  const bars = h('div', { class: 'prob-bars', role: 'list', 'aria-label': t('train.sample.probs') });
  s.probs.forEach((p, c) => {
    const bar = h('span', { class: 'bar' });
    bar.style.width = `${Math.max(0, Math.min(1, p)) * 100}%`;
    bar.style.background = `var(--bp-class-${c % 10})`;  // the class token itself: no palette needed
    bars.append(h('div', { class: `prob${c === s.label ? ' truth' : ''}`, role: 'listitem', 'data-key': 'probs', 'data-unit': String(c), 'data-value': String(p) },
      [h('span', { class: 'cls' }, [String(c)]), h('span', { class: 'track' }, [bar]), h('span', { class: 'num' }, [show(p)])]));
  });
  // A few inputs as a column; the 64 pixels of a digit as their 8×8 picture, row by row.
  const side = s.x.length > 8 ? Math.round(Math.sqrt(s.x.length)) : 0;
  const input = h('table', { class: `trace${side ? ' pixels' : ''}` }, [
    h('caption', {}, [t('train.sample.inputs')]),
    h('tbody', {}, side
      ? Array.from({ length: Math.ceil(s.x.length / side) }, (_, r) => h('tr', {}, s.x.slice(r * side, (r + 1) * side)
        .map((v, c) => cell(v, { 'data-key': 'x', 'data-unit': String(r * side + c) }))))
      : s.x.map((v, i) => h('tr', {}, [h('th', { scope: 'row' }, [`x${sub(i)}`]), cell(v, { 'data-key': 'x', 'data-unit': String(i) })]))),
  ]);
  const tables = s.layers.map((layer, l) => {
    const out = l === last;
    const head = out ? ['z', 'p', 'y', 'δ = p − y'] : ['z', 'a', '∂L/∂a', 'δ = ∂L/∂z'];
    const rows = layer.z.map((z, u) => h('tr', {}, [
      h('th', { scope: 'row' }, [String(u + 1)]),
      cell(z, { 'data-layer': String(l), 'data-unit': String(u), 'data-key': 'z' }),
      out ? cell(s.probs[u], { 'data-layer': String(l), 'data-unit': String(u), 'data-key': 'p' })
        : cell(layer.a[u], { 'data-layer': String(l), 'data-unit': String(u), 'data-key': 'a' }),
      out ? h('td', { class: 'num' }, [u === s.label ? '1' : '0'])
        : cell(layer.da[u], { 'data-layer': String(l), 'data-unit': String(u), 'data-key': 'da' }),
      cell(layer.dz[u], { 'data-layer': String(l), 'data-unit': String(u), 'data-key': 'dz' }),
    ]));
    const title = out ? t('train.sample.outputLayer', { n: l + 1 }) : t('train.sample.hiddenLayer', { n: l + 1, activation: layer.activation });
    return h('table', { class: 'trace' }, [h('caption', {}, [title]),
      h('thead', {}, [h('tr', {}, [h('th', { scope: 'col' }, ['#']), ...head.map((x) => h('th', { scope: 'col' }, [x]))])]),
      h('tbody', {}, rows)]);
  });
  const flow = h('div', { class: 'trace-flow' }, [input, ...tables]);
  host.replaceChildren(summary, bars, h('p', { class: 'muted' }, [t('train.sample.flow')]), flow);
}

/** Subscript digits for unit numbers (1-based). @param {number} i */
const sub = (i) => String(i + 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);

/**
 * @param {HTMLElement} host @param {import('../../engine/trainer.js').ChainRule} rule @param {string} caption
 */
export function renderChain(host, rule, caption) {
  host.replaceChildren(h('p', { class: 'chain-caption', 'data-value': String(rule.value), 'data-parameter': String(rule.parameter) }, [caption]),
    ...rule.latex.map((line) => texNode(line, true)));
}
