// @ts-check
// <bp-activation fn="sigmoid|tanh|relu|..." x="0.5">: an activation function and its derivative, drawn from engine
// samples over [−4, 4], with a slider for x and the values f(x), f′(x) at it: f in the value colour (solid), f′ in
// the gradient colour (dashed). For ReLU it also shows the derivative under the other convention at the kink,
// max(x, 0), whose tie goes to x (seed 002's choice of 1). Any one-argument function of the engine works.
import { loadEngine } from '../../engine/load.js';
import '../../i18n/lesson-widgets.js';
import { formatNumber } from '../lesson-kit/format.js';
import { el } from '../lesson-kit/kit.js';
import { BpElement, defineWidget } from '../base/bp-element.js';

const W = 320;
const H = 180;
// Drawing frame: x in [-4, 4] and y in [-1.2, 1.2] (ReLU is clipped above), mapped to the SVG box.
const X_RANGE = [-4, 4];
const Y_RANGE = [-1.2, 1.2];
/** @param {number} x */ const px = (x) => ((x - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0])) * W;
/** @param {number} y */ const py = (y) => H - ((Math.max(Y_RANGE[0], Math.min(y, Y_RANGE[1])) - Y_RANGE[0]) / (Y_RANGE[1] - Y_RANGE[0])) * H;
const SAMPLES = Array.from({ length: 161 }, (_, i) => X_RANGE[0] + i * 0.05);
const SVG = 'http://www.w3.org/2000/svg';

const CSS = `
svg { width: 100%; max-width: 32rem; height: auto; display: block; }
.axis { stroke: var(--bp-border); }
.f { fill: none; stroke: var(--bp-value); stroke-width: 2.5; }
.df { fill: none; stroke: var(--bp-grad); stroke-width: 2; stroke-dasharray: 5 3; }
.dot { fill: var(--bp-fg); }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; }
input[type=range] { width: min(100%, 24rem); margin: 0; }
`;

/** An SVG element with attributes. @param {string} tag @param {Record<string, string|number>} attributes */
function svgNode(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

export class BpActivation extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-activation',
    summary: 'An activation function f and its derivative f′, with a slider for x and both values at it.',
    engine: 'formula',
    figure: true,
    attributes: [
      { name: 'fn', type: 'string', default: 'sigmoid', doc: 'A one-argument function of the engine: {unary}.' },
      { name: 'x', type: 'number', default: '0.5', min: -4, max: 4, doc: 'Where the slider starts.' },
    ],
    example: 'fn="tanh" x="0.5"',
  });

  static css = CSS;

  update() {
    this.withEngine(loadEngine, (engine) => {
      const fn = String(this.attr('fn')).trim();
      if (!/^[a-z_]+$/.test(fn)) throw new Error(this.say('activation.badFn', { fn }));
      this.release();
      const compiled = this.own(engine.compile(`${fn}(x)`));
      const points = SAMPLES.map((x) => compiled.evaluate({ x }));
      const path = (/** @type {(r: import('../../engine/engine.js').Report) => number} */ get) =>
        points.map((report, i) => `${i ? 'L' : 'M'}${px(SAMPLES[i]).toFixed(1)},${py(get(report)).toFixed(1)}`).join('');
      const dot = svgNode('circle', { class: 'dot', r: 4 });
      const svg = svgNode('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': this.say('activation.plot', { fn }) });
      svg.append(svgNode('line', { class: 'axis', x1: 0, x2: W, y1: py(0), y2: py(0) }),
        svgNode('line', { class: 'axis', x1: px(0), x2: px(0), y1: 0, y2: H }),
        svgNode('path', { class: 'f', d: path((r) => r.value) }), svgNode('path', { class: 'df', d: path((r) => r.grads.x) }), dot);
      const slider = el('input', { type: 'range', min: '-4', max: '4', step: '0.1', value: String(this.attr('x')),
        'aria-label': this.say('activation.slider') });
      const readout = el('p', { class: 'num readout', 'aria-live': 'polite' });
      const kink = el('p', { class: 'num kink muted' });
      const show = () => {
        const report = compiled.evaluate({ x: slider.value });
        dot.setAttribute('cx', String(px(Number(slider.value))));
        dot.setAttribute('cy', String(py(report.value)));
        readout.textContent = this.say('activation.readout',
          { fn, x: formatNumber(Number(slider.value), 2), f: formatNumber(report.value), df: formatNumber(report.grads.x) });
        this.dataset.value = String(report.value);
        this.dataset.derivative = String(report.grads.x);
        if (fn === 'relu') {
          const seedConvention = engine.grad('max(x, 0)', { x: slider.value }).grads.x;
          kink.textContent = this.say('activation.kink', { df: formatNumber(report.grads.x), seed: formatNumber(seedConvention) });
          this.dataset.seedDerivative = String(seedConvention);
        }
      };
      slider.addEventListener('input', show);
      const legend = el('p', { class: 'legend' }, [el('span', { class: 'value' }, [`— ${fn}(x)`]),
        el('span', { class: 'grad' }, [`- - ${this.say('activation.derivative')}`])]);
      this.body.replaceChildren(this.box([svg, legend, slider, readout, ...(fn === 'relu' ? [kink] : [])]));
      show();
    });
  }
}

defineWidget(BpActivation);
