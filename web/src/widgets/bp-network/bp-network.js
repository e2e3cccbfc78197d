// @ts-check
// <bp-network [layers='[{"W": [[..]], "b": [..], "activation": "sigmoid"}, ...]'] [inputs="0.05, 0.10"]
//   [targets="0.01, 0.99"] [activation="sigmoid"] [loss="half_sse"] [lr="0.5"] [step="forward|backward"]>:
// a small dense network drawn as SVG with every weight's value and, after the backward pass, its gradient.
// Defaults to Matt Mazur's 2-2-2 sigmoid network with biases (his worked example; seed 002 derives the same rules
// on a bias-free 1-2-2 network without numbers). The engine (the `./tutor mlp` code, via network.js) does the
// forward pass, the backward pass and the SGD update; this element only draws. Events: `bp-network-change`
// {phase, loss}; `data-ready="true"` once the engine answered (a network or an error), `data-loss`, `data-grads`.
import { loadNetwork } from '../../engine/load.js';
import '../../i18n/embed.js';
import { formatNumber, PRECISE } from '../lesson-kit/format.js';
import { el } from '../lesson-kit/kit.js';
import { BpElement, defineWidget } from '../base/bp-element.js';
import { AttributeError } from '../base/read-attribute.js';
import { drawNetwork } from './network-svg.js';

/** Mazur's network: W is (in, out), W[i][j] from input i to unit j. */
const MAZUR_2_2_2 = '[{"W": [[0.15, 0.25], [0.20, 0.30]], "b": [0.35, 0.35]}, {"W": [[0.40, 0.50], [0.45, 0.55]], "b": [0.60, 0.60]}]';
const PHASES = /** @type {const} */ (['weights', 'forward', 'backward']);

const CSS = `
.drawing { overflow-x: auto; }
svg.network { display: block; width: 100%; max-width: 760px; min-width: 420px; height: auto; margin: 0 auto;
  font: 14px system-ui, sans-serif; font-variant-numeric: tabular-nums; }
svg.network line { stroke: var(--bp-muted); stroke-width: 1.5; }
svg.network circle { fill: var(--bp-card); stroke: var(--bp-fg); stroke-width: 1.6; }
svg.network .input circle { stroke-dasharray: 4 3; }
svg.network text { text-anchor: middle; paint-order: stroke; stroke: var(--bp-card); stroke-width: 4px; stroke-linejoin: round; }
svg.network .name { fill: var(--bp-fg); font-weight: 700; stroke: none; }
svg.network .value { fill: var(--bp-value); font-weight: 600; }
svg.network .grad { fill: var(--bp-grad); font-weight: 600; font-style: italic; }
svg.network .bias { fill: var(--bp-muted); font-size: 12px; }
svg.network .bias.grad { fill: var(--bp-grad); }
table { margin-top: 0.6rem; }
td, th { padding: 0.15rem 0.5rem; white-space: nowrap; }
th { font-weight: 600; }
.loss { font-weight: 700; margin: 0.4rem 0; }
`;

export class BpNetwork extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-network',
    summary: 'A small dense network: forward, backward and one gradient-descent update, every weight with its gradient.',
    engine: 'network',
    figure: true,
    attributes: [
      { name: 'layers', type: 'json', default: MAZUR_2_2_2,
        doc: 'JSON list of layers [{"W": [[..]], "b": [..], "activation"?: ".."}]; W[i][j] is the weight from input i to unit j. At most {limits.network.layers} layers of at most {limits.network.units} units. Default: Mazur’s worked 2-2-2 sigmoid network (two inputs, with biases).' },
      { name: 'inputs', type: 'numbers', default: '0.05, 0.10', doc: 'One input row.' },
      { name: 'targets', type: 'numbers', default: '0.01, 0.99', doc: 'The target outputs (or a class index with loss="softmax_cross_entropy").' },
      { name: 'activation', type: 'string', default: 'sigmoid', doc: 'For layers that do not name one: {activations}.' },
      { name: 'loss', type: 'string', default: 'half_sse', doc: 'One of {losses} (half_sse is ½Σ(o − t)²).' },
      { name: 'lr', type: 'number', default: '0.5', min: 0, doc: 'Learning rate of the update.' },
      { name: 'step', type: 'enum', values: ['weights', 'forward', 'backward'], default: 'weights', doc: 'What to show first: the weights, the forward pass or the backward pass.' },
    ],
    events: [{ name: 'bp-network-change', detail: '{phase, loss}', doc: 'After each phase shown.' }],
    example: 'step="backward"',
  });

  static css = CSS;

  /** @type {import('../../engine/network.js').NetworkReport | null} */
  report = null;
  /** @type {import('../../engine/network.js').NetworkSpec | null} */
  spec = null;
  /** @type {typeof PHASES[number]} */
  phase = 'weights';
  updates = 0;

  /** @param {string} name */
  attributeChanged(name) {
    if (name === 'step' || name === 'lang') {
      this.phase = /** @type {typeof PHASES[number]} */ (this.attr('step'));
      this.render();
    } else {
      this.update();
    }
  }

  /** The spec the attributes describe (throws a readable Error for a malformed attribute). */
  specFromAttributes() {
    const layers = this.attr('layers');
    if (!Array.isArray(layers)) throw new AttributeError('layers', this.say('network.badLayers'));
    const activation = String(this.attr('activation'));
    const loss = String(this.attr('loss'));
    const targets = /** @type {number[]} */ (this.attr('targets'));
    return /** @type {import('../../engine/network.js').NetworkSpec} */ ({
      layers: layers.map((layer) => (layer && typeof layer === 'object' && !('activation' in layer) ? { ...layer, activation } : layer)),
      loss, x: [/** @type {number[]} */ (this.attr('inputs'))], y: loss === 'softmax_cross_entropy' ? targets : [targets],
      optimizer: { type: 'sgd', lr: Number(this.attr('lr')) },
    });
  }

  /** A fresh network from the attributes. */
  update() {
    this.spec = null;
    this.compute();
  }

  /** Asks the engine for one step of the current network (a fresh one from the attributes if there is none). */
  compute() {
    this.withEngine(loadNetwork, (network) => {
      if (!this.spec) {
        this.spec = this.specFromAttributes();
        this.updates = 0;
        this.phase = /** @type {typeof PHASES[number]} */ (this.attr('step'));
      }
      this.report = network.step(this.spec);
      this.render();
    });
  }

  /** Applies the engine's updated weights, then shows the new network's forward pass. */
  applyUpdate() {
    if (!this.report || !this.spec) return;
    const report = this.report;
    this.spec = { ...this.spec, layers: this.spec.layers.map((layer, l) => ({ ...layer, W: report.updated[l].W, b: report.updated[l].b })) };
    this.updates++;
    this.phase = 'forward';
    this.compute();
  }

  /** @param {typeof PHASES[number]} phase */
  show(phase) {
    this.phase = phase;
    this.render();
  }

  render() {
    const report = this.report;
    const spec = this.spec;
    if (!report || !spec) return;
    const say = this.say.bind(this);
    const shown = PHASES.indexOf(this.phase);
    const widths = [spec.x[0].length, ...spec.layers.map((layer) => layer.b.length)];
    const last = widths.length - 1;
    const names = widths.map((n, c) => Array.from({ length: n }, (_, i) => {
      if (c === 0) return `x${i + 1}`;
      if (c === last) return `o${i + 1}`;
      return last === 2 ? `h${i + 1}` : `h${c}.${i + 1}`;
    }));
    const drawing = drawNetwork({
      widths, names, label: say('network.region', { sizes: widths.join('-') }),
      W: spec.layers.map((layer) => layer.W), b: spec.layers.map((layer) => layer.b),
      a: shown >= 1 ? [spec.x[0], ...report.trace.map((t) => t.a[0])] : undefined,
      dz: shown >= 2 ? [[], ...report.trace.map((t) => t.dz[0])] : undefined,
      dW: shown >= 2 ? report.grads.map((g) => g.W) : undefined,
      db: shown >= 2 ? report.grads.map((g) => g.b) : undefined,
    });
    const button = (/** @type {string} */ key, /** @type {() => void} */ action, /** @type {boolean} */ disabled) =>
      this.button(say(key), action, { quiet: true, disabled });
    const toolbar = el('div', { class: 'toolbar', role: 'toolbar' }, [
      button('network.forward', () => this.show('forward'), shown >= 1),
      button('network.backward', () => this.show('backward'), shown < 1 || shown >= 2),
      button('network.update', () => this.applyUpdate(), shown < 2),
      button('network.reset', () => this.update(), this.updates === 0 && shown === 0),
      el('span', { class: 'muted' }, [say('network.steps', { n: this.updates })])]);
    const parts = [el('p', { class: 'title' }, [say('network.title')]), toolbar, el('div', { class: 'drawing' }, [drawing])];
    if (shown >= 1) {
      const lossLine = [say('network.loss', { loss: formatNumber(report.loss, PRECISE) })];
      if (shown >= 2) lossLine.push(` · ${say('network.lossAfter', { loss: formatNumber(report.loss_after, PRECISE) })}`);
      parts.push(el('p', { class: 'loss num' }, lossLine));
    }
    parts.push(el('p', { class: 'muted' }, [say('network.legendForward'), ' ', shown >= 2 ? say('network.legendBackward') : '']));
    if (shown >= 2) parts.push(el('div', { class: 'scroll' }, [this.table(names, spec, report)]));
    this.body.replaceChildren(this.box(parts));
    this.dataset.loss = String(report.loss);
    this.dataset.phase = this.phase;
    this.dataset.grads = JSON.stringify(report.grads.map((g) => g.W));
    this.emit('bp-network-change', { phase: this.phase, loss: report.loss });
    this.narrate(this.say(`network.say.${this.phase}`, { loss: formatNumber(report.loss, PRECISE) }));
  }

  /** Every weight: value, gradient, value after the update. @param {string[][]} names @param {import('../../engine/network.js').NetworkSpec} spec @param {import('../../engine/network.js').NetworkReport} report */
  table(names, spec, report) {
    const say = this.say.bind(this);
    const head = el('tr', {}, [say('network.weight'), say('network.value'), say('network.gradient'),
      say('network.updated', { lr: spec.optimizer.lr })].map((text) => el('th', {}, [text])));
    /** @type {HTMLElement[]} */
    const rows = [];
    for (let l = 0; l < spec.layers.length; l++) {
      spec.layers[l].W.forEach((/** @type {number[]} */ row, /** @type {number} */ i) => row.forEach((w, j) => {
        const cells = [[`${names[l][i]} → ${names[l + 1][j]}`, ''], [formatNumber(w, PRECISE), 'value'],
          [formatNumber(report.grads[l].W[i][j], PRECISE), 'grad'], [formatNumber(report.updated[l].W[i][j], PRECISE), 'value']];
        rows.push(el('tr', { 'data-weight': `${l}:${i}:${j}` }, cells.map(([text, kind]) => el('td', { class: `num ${kind}` }, [text]))));
      }));
    }
    return el('table', {}, [head, ...rows]);
  }
}

defineWidget(BpNetwork);
