// @ts-check
// <bp-softmax logits="z0=1, z1=1.9969, z2=2.9966" target="1">: three logits with sliders, their softmax outputs
// aⱼ as bars, the cross-entropy gradient ∂L/∂zᵢ for the chosen true class (which is a − y, y the one-hot target),
// and the Jacobian ∂aⱼ/∂zᵢ. The engine evaluates aⱼ = exp(zⱼ)/Σexp and L = −log a_target and differentiates them;
// this element only draws. It starts when scrolled into view and rebuilds when `logits` or `target` change.
// `data-ready="true"` once drawn (or an error shown), `data-outputs` and `data-grads` (comma lists, engine numbers).
import { loadEngine } from '../../engine/load.js';
import '../../i18n/embed.js';
import { formatNumber } from '../lesson-kit/format.js';
import { say, shadowBox, el, texNode } from '../lesson-kit/kit.js';
import { watchVisibility } from '../lesson-kit/visibility.js';
import { parseValueList } from '../../state/value-list.js';

const NAMES = ['z0', 'z1', 'z2'];
const SUM = 'exp(z0)+exp(z1)+exp(z2)';
/** The formula of softmax output j (text, for the engine). @param {number} j */
const output = (j) => `exp(z${j})/(${SUM})`;

const CSS = `
.grid { display: grid; grid-template-columns: auto minmax(0, 1fr) 5.5rem minmax(0, 1fr); gap: 0.4rem 0.7rem; align-items: center; }
.bar { height: 1rem; background: var(--accent, #2f5bd3); border-radius: 3px; min-width: 1px; }
.track { background: var(--border, #ddd); border-radius: 3px; }
input[type=range] { width: 100%; min-width: 0; margin: 0; }
input[type=number] { width: 5.5rem; }
table { border-collapse: collapse; margin-top: 0.5rem; }
td, th { border: 1px solid var(--border, #ddd); padding: 0.2rem 0.5rem; text-align: right; }
.classes { display: flex; gap: 0.75rem; flex-wrap: wrap; margin: 0.5rem 0; }
h4 { margin: 0.8rem 0 0.3rem; font-size: 1rem; }
@media (max-width: 520px) { .grid { grid-template-columns: auto minmax(0, 1fr); } }
`;

export class BpSoftmax extends HTMLElement {
  static observedAttributes = ['logits', 'target', 'lang'];

  connectedCallback() {
    this.started = false;
    shadowBox(this, CSS).append(el('p', { class: 'muted' }, [say(this, 'embed.loading')]));
    this.unwatch = watchVisibility(this, (visible) => { if (visible) this.start(); });
  }

  disconnectedCallback() {
    this.unwatch?.();
    this.started = false;
    this.pending = undefined;
    this.dispose();
  }

  /** Frees the compiled formulas (engine sessions) this element owns. */
  dispose() {
    for (const formula of this.compiled?.values() ?? []) formula.dispose();
    this.compiled = new Map();
  }

  /** @param {string} name @param {string|null} before @param {string|null} after */
  attributeChangedCallback(name, before, after) {
    if (this.started && before !== after) this.build();
  }

  start() {
    if (this.started) return;
    this.started = true;
    this.unwatch?.();
    this.build();
  }

  async build() {
    const ticket = (this.pending = {});
    const engine = await loadEngine();
    if (this.pending !== ticket || !this.isConnected) return;
    const body = shadowBox(this, CSS);
    /** @type {Record<string, string>} */
    let logits;
    try {
      logits = { z0: '0', z1: '0', z2: '0', ...parseValueList(this.getAttribute('logits') ?? '') };
      const unknown = Object.keys(logits).filter((name) => !NAMES.includes(name));
      if (unknown.length) throw new Error(`logits: unknown name '${unknown[0]}' (use z0, z1, z2)`);
    } catch (error) {
      body.append(el('div', { class: 'box' }, [el('p', { class: 'bad', role: 'alert' }, [/** @type {Error} */ (error).message])]));
      this.dataset.ready = 'true';
      return;
    }
    let target = this.getAttribute('target') ?? '1';
    const grid = el('div', { class: 'grid' });
    const rows = NAMES.map((name, j) => {
      const slider = el('input', { type: 'range', min: '-4', max: '4', step: '0.01', value: logits[name], 'aria-label': `z${j}` });
      const number = el('input', { type: 'number', step: 'any', value: logits[name], 'aria-label': `z${j}`, 'data-logit': name });
      const bar = el('div', { class: 'bar' });
      const text = el('span', { class: 'num' });
      slider.addEventListener('input', () => { number.value = slider.value; logits[name] = slider.value; update(); });
      number.addEventListener('input', () => { if (number.value !== '') { slider.value = number.value; logits[name] = number.value; update(); } });
      grid.append(texNode(`z_${j}`), slider, number,
        el('span', {}, [el('div', { class: 'track' }, [bar]), text]));
      return { bar, text };
    });
    const classes = el('div', { class: 'classes', role: 'radiogroup', 'aria-label': say(this, 'softmax.target') },
      [say(this, 'softmax.target'), ...NAMES.map((name, j) => {
        const radio = el('input', { type: 'radio', name: 'target', value: String(j), checked: String(j) === target });
        radio.addEventListener('change', () => { target = String(j); update(); });
        return el('label', {}, [radio, ` ${j}`]);
      })]);
    const gradValues = el('span', {});
    const gradLine = el('p', { class: 'num grads' }, [texNode('\\nabla_z L = a - y'), gradValues]);
    // The table's labels are typeset once; an update only rewrites the engine's numbers in its cells.
    const cells = NAMES.map(() => NAMES.map(() => el('td', { class: 'num' })));
    const jacobian = el('table', { class: 'jacobian' }, [
      el('tr', {}, [el('th', {}, [texNode('\\partial a_j/\\partial z_i')]), ...NAMES.map((_, i) => el('th', {}, [texNode(`z_${i}`)]))]),
      ...cells.map((row, j) => el('tr', {}, [el('th', {}, [texNode(`a_${j}`)]), ...row]))]);
    body.append(el('div', { class: 'box' }, [el('p', { class: 'title' }, [say(this, 'softmax.title')]), grid, classes,
      el('h4', {}, [say(this, 'softmax.gradient')]), gradLine,
      el('h4', {}, [say(this, 'softmax.jacobian')]), el('div', { class: 'scroll' }, [jacobian])]));

    // Each formula is parsed once (a slider move then costs one evaluation each), and freed in disconnectedCallback.
    this.dispose();
    const compiled = /** @type {Map<string, ReturnType<typeof engine.compile>>} */ (this.compiled);
    const formula = (/** @type {string} */ text) => {
      if (!compiled.has(text)) compiled.set(text, engine.compile(text));
      return /** @type {ReturnType<typeof engine.compile>} */ (compiled.get(text));
    };
    const update = () => {
      try {
        const outputs = NAMES.map((_, j) => formula(output(j)).evaluate(logits));
        const loss = formula(`-log(${output(Number(target))})`).evaluate(logits);
        outputs.forEach((report, j) => {
          rows[j].bar.style.width = `${report.value * 100}%`;
          rows[j].text.textContent = ` a${j} = ${formatNumber(report.value)}`;
          NAMES.forEach((name, i) => { cells[j][i].textContent = formatNumber(report.grads[name]); });
        });
        this.dataset.outputs = outputs.map((report) => report.value).join(',');
        this.dataset.grads = NAMES.map((name) => loss.grads[name]).join(',');
        gradValues.textContent = ` = (${NAMES.map((name) => formatNumber(loss.grads[name])).join(', ')}), L = ${formatNumber(loss.value)}`;
      } catch (error) {
        gradValues.textContent = ` ${/** @type {Error} */ (error).message}`;
      }
    };
    update();
    this.dataset.ready = 'true';
  }
}

if (!customElements.get('bp-softmax')) customElements.define('bp-softmax', BpSoftmax);
