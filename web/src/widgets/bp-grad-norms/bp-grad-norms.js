// @ts-check
// <bp-grad-norms layers="1-8-8-8-8-8-1" activation="sigmoid" init-scale="1">: vanishing and exploding gradients,
// live. The engine makes its seeded deep, narrow example network, runs one forward and backward pass over a batch
// and reports each layer's weight-gradient norm ‖dW‖ (the report's grad_norms); this element draws one bar per
// layer on a log scale, with menus for the activation and the initial weight scale. data-norms, data-ratio.
import { loadEngine, loadNetwork } from '../../engine/load.js';
import '../../i18n/grad-norms.js';
import { formatNumber } from '../lesson-kit/format.js';
import { el, texNode } from '../lesson-kit/kit.js';
import { BpElement, defineWidget } from '../base/bp-element.js';
import { exampleAttributes, exampleChoices } from '../base/example-attributes.js';

const CSS = `
.controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.25rem 0 0.5rem; }
.controls label { display: flex; gap: 0.4rem; align-items: center; }
select { font: inherit; min-height: var(--bp-touch); padding: 0 0.4rem; color: var(--bp-fg); background: var(--bp-card);
  border: 1px solid var(--bp-border); border-radius: 6px; }
ol.bars { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.3rem; }
ol.bars li { display: grid; grid-template-columns: 2.6rem 1fr 5.5rem; gap: 0.5rem; align-items: center; }
.track { position: relative; height: 1.1rem; background: var(--bp-grad-soft); border-radius: 4px; overflow: hidden; }
.bar { position: absolute; inset: 0 auto 0 0; background: var(--bp-grad); border-radius: 4px; }
.norm { text-align: end; color: var(--bp-grad); font-variant-numeric: tabular-nums; }
.axis { display: grid; grid-template-columns: 2.6rem 1fr 5.5rem; gap: 0.5rem; font-size: 0.8rem; }
.axis .ticks { display: flex; justify-content: space-between; }
.ratio { margin: 0.5rem 0 0; }
`;

export class BpGradNorms extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-grad-norms',
    summary: 'Vanishing and exploding gradients, live: the size of each layer’s weight gradient ‖dW‖ in a deep, narrow network, one bar per layer on a log scale, with the activation and the initial weight scale to choose.',
    engine: 'network',
    figure: true,
    attributes: [
      ...exampleAttributes({ layers: '1-8-8-8-8-8-1', activation: 'sigmoid', loss: 'mse', batch: '8' }),
      { name: 'scales', type: 'numbers', default: '0.25, 0.5, 1, 2, 4', doc: 'The initial weight scales the learner can choose from.' },
    ],
    example: 'layers="1-8-8-8-8-8-1" activation="sigmoid" init-scale="1"',
  });

  static css = CSS;

  /** @type {HTMLSelectElement | null} */
  activationMenu = null;
  /** @type {HTMLSelectElement | null} */
  scaleMenu = null;
  /** @type {HTMLElement | null} */
  chart = null;

  /** @param {string} name */
  attributeChanged(name) {
    if ((name === 'activation' || name === 'init-scale') && this.chart) this.redraw();
    else this.update();
  }

  /** The frame (two menus and the chart), then the bars. */
  update() {
    this.withEngine(loadEngine, (engine) => {
      const say = this.say.bind(this);
      const activations = engine.capabilities().activations.filter((a) => a.name !== 'linear');
      const menu = (/** @type {string} */ id, /** @type {[string, string][]} */ options, /** @type {string} */ attribute) => {
        const select = el('select', { id }, options.map(([value, label]) => el('option', { value }, [label])));
        select.addEventListener('change', () => this.setAttribute(attribute, select.value));
        return /** @type {HTMLSelectElement} */ (select);
      };
      this.activationMenu = menu('activation', activations.map((a) => [a.name, a.label]), 'activation');
      const scales = /** @type {number[]} */ (this.attr('scales'));
      this.scaleMenu = menu('scale', scales.map((s) => [String(s), `× ${formatNumber(s)}`]), 'init-scale');
      this.chart = el('div', { class: 'chart', role: 'group' });
      this.body.replaceChildren(this.box([
        el('div', { class: 'controls' }, [
          el('label', { for: 'activation' }, [say('norms.activation')]), this.activationMenu,
          el('label', { for: 'scale' }, [say('norms.scale')]), this.scaleMenu]),
        el('p', { class: 'muted' }, [say('norms.lead')]), this.chart]));
      this.redraw();
    });
  }

  /** Asks the engine for the network's gradient norms at the chosen activation and scale, and draws them. */
  redraw() {
    this.withEngine(async () => ({ engine: await loadEngine(), network: await loadNetwork() }), ({ engine, network }) => {
      const say = this.say.bind(this);
      const choices = exampleChoices((name) => this.attr(name));
      const activation = String(choices.activation), scale = Number(choices.init_scale);
      const spec = network.example(choices);
      const norms = /** @type {number[]} */ (network.tensorStep(spec).grad_norms);
      // Log scale: the engine takes each logarithm; the axis spans whole decades, at least 10⁻⁸ to 10¹.
      const logs = norms.map((n) => engine.grad('log(n)/log(10)', { n }).value);
      const finite = logs.filter(Number.isFinite);
      const low = Math.min(-8, Math.floor(Math.min(...finite)));
      const high = Math.max(1, Math.ceil(Math.max(...finite)));
      const width = (/** @type {number} */ log) => (Number.isFinite(log) ? ((log - low) / (high - low)) * 100 : 0);
      const ratio = engine.grad('first/last', { first: norms[0], last: norms[norms.length - 1] }).value;
      const chart = /** @type {HTMLElement} */ (this.chart);
      chart.setAttribute('aria-label', say('norms.chart', { n: norms.length, activation, scale: formatNumber(scale) }));
      const tick = (/** @type {number} */ d) => el('span', {}, [texNode(`10^{${d}}`, false)]);
      // Widths through the CSSOM, not a style attribute: a strict Content-Security-Policy forbids the latter.
      const bar = (/** @type {number} */ log) => {
        const span = el('span', { class: 'bar' });
        span.style.width = `${width(log).toFixed(2)}%`;
        return span;
      };
      chart.replaceChildren(
        el('ol', { class: 'bars' }, norms.map((norm, i) => el('li', { 'data-layer': String(i + 1) }, [
          el('span', {}, [texNode(`W^{(${i + 1})}`, false)]),
          el('span', { class: 'track' }, [bar(logs[i])]),
          el('span', { class: 'norm num' }, [formatNumber(norm)])]))),
        el('div', { class: 'axis muted', 'aria-hidden': 'true' }, [el('span'), el('span', { class: 'ticks' }, [tick(low), tick(high)]), el('span')]),
        el('p', { class: 'ratio' }, [say('norms.ratio', { last: norms.length, ratio: formatNumber(ratio) })]));
      /** @type {HTMLSelectElement} */ (this.activationMenu).value = activation;
      /** @type {HTMLSelectElement} */ (this.scaleMenu).value = String(scale);
      this.dataset.norms = norms.join(',');
      this.dataset.ratio = String(ratio);
      this.narrate(say('norms.chart', { n: norms.length, activation, scale: formatNumber(scale) }));
    });
  }
}

defineWidget(BpGradNorms);
