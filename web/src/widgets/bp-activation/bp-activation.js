// @ts-check
// <bp-activation fn="sigmoid|tanh|relu" x="0.5">: an activation function and its derivative, drawn from engine
// samples over [−4, 4], with a slider for x and the values f(x), f′(x) at it. For ReLU it also shows the
// derivative under the other convention at the kink, max(x, 0), whose tie goes to x (seed 002's choice of 1).
import { loadEngine } from '../../engine/load.js';
import { formatNumber } from '../lesson-kit/format.js';
import { say, shadowBox, el } from '../lesson-kit/kit.js';

const FUNCTIONS = { sigmoid: 'sigmoid(x)', tanh: 'tanh(x)', relu: 'relu(x)' };
const W = 320;
const H = 180;
// Drawing frame: x in [-4, 4] and y in [-1.2, 1.2] (ReLU is clipped above), mapped to the SVG box.
const X_RANGE = [-4, 4];
const Y_RANGE = [-1.2, 1.2];
/** @param {number} x */ const px = (x) => ((x - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0])) * W;
/** @param {number} y */ const py = (y) => H - ((y - Y_RANGE[0]) / (Y_RANGE[1] - Y_RANGE[0])) * H;
const SAMPLES = Array.from({ length: 161 }, (_, i) => X_RANGE[0] + i * 0.05);

const CSS = `
svg { width: 100%; max-width: 32rem; height: auto; display: block; }
.axis { stroke: var(--border, #ccc); }
.f { fill: none; stroke: var(--accent, #2f5bd3); stroke-width: 2.5; }
.df { fill: none; stroke: #d9730d; stroke-width: 2; stroke-dasharray: 5 3; }
.dot { fill: var(--fg, #222); }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; }
.key-f { color: var(--accent, #2f5bd3); } .key-df { color: #d9730d; }
input[type=range] { width: min(100%, 24rem); margin: 0; box-sizing: border-box; }
`;

export class BpActivation extends HTMLElement {
  /** frees the engine-side formula */
  dispose = () => {};

  disconnectedCallback() {
    this.dispose();
    this.dispose = () => {};
    delete this.dataset.built;
  }

  async connectedCallback() {
    if (this.dataset.built) return;
    this.dataset.built = 'true';
    const fn = /** @type {keyof typeof FUNCTIONS} */ (this.getAttribute('fn') ?? 'sigmoid');
    const formula = FUNCTIONS[fn];
    if (!formula) throw new Error(`bp-activation: unknown fn "${fn}"`);
    const engine = await loadEngine();
    const compiled = engine.compile(formula);
    const points = SAMPLES.map((x) => compiled.evaluate({ x }));
    const path = (/** @type {(r: any) => number} */ get) =>
      points.map((report, i) => `${i ? 'L' : 'M'}${px(SAMPLES[i]).toFixed(1)},${py(Math.min(get(report), Y_RANGE[1])).toFixed(1)}`).join('');
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', say(this, 'activation.plot', { fn }));
    svg.innerHTML = `<line class="axis" x1="0" x2="${W}" y1="${py(0)}" y2="${py(0)}"/><line class="axis" x1="${px(0)}" x2="${px(0)}" y1="0" y2="${H}"/>` +
      `<path class="f" d="${path((r) => r.value)}"/><path class="df" d="${path((r) => r.grads.x)}"/><circle class="dot" r="4"/>`;
    const dot = /** @type {SVGCircleElement} */ (svg.querySelector('circle'));
    const slider = el('input', { type: 'range', min: '-4', max: '4', step: '0.1', value: this.getAttribute('x') ?? '0.5',
      'aria-label': say(this, 'activation.slider') });
    const readout = el('p', { class: 'num readout', 'aria-live': 'polite' });
    const kink = el('p', { class: 'num kink muted' });
    const update = () => {
      const report = compiled.evaluate({ x: slider.value });
      dot.setAttribute('cx', String(px(Number(slider.value))));
      dot.setAttribute('cy', String(py(Math.min(report.value, Y_RANGE[1]))));
      readout.textContent = say(this, 'activation.readout',
        { fn, x: formatNumber(Number(slider.value), 2), f: formatNumber(report.value), df: formatNumber(report.grads.x) });
      this.dataset.value = String(report.value);
      this.dataset.derivative = String(report.grads.x);
      if (fn === 'relu') {
        const seedConvention = engine.grad('max(x, 0)', { x: slider.value }).grads.x;
        kink.textContent = say(this, 'activation.kink', { df: formatNumber(report.grads.x), seed: formatNumber(seedConvention) });
        this.dataset.seedDerivative = String(seedConvention);
      }
    };
    slider.addEventListener('input', update);
    const legend = el('p', { class: 'legend' }, [el('span', { class: 'key-f' }, [`— ${fn}(x)`]),
      el('span', { class: 'key-df' }, [`- - ${say(this, 'activation.derivative')}`])]);
    shadowBox(this, CSS).append(el('div', { class: 'box' }, [svg, legend, slider, readout, ...(fn === 'relu' ? [kink] : [])]));
    update();
    this.dispose = () => compiled.dispose();
    this.dataset.ready = 'true';
  }
}

if (!customElements.get('bp-activation')) customElements.define('bp-activation', BpActivation);
