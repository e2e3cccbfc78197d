// @ts-check
// <bp-network [layers='[{"W": [[..]], "b": [..], "activation": "sigmoid"}, ...]'] [inputs="0.05, 0.10"]
//   [targets="0.01, 0.99"] [activation="sigmoid"] [loss="half_sse"] [lr="0.5"] [step="forward|backward"]>:
// a small dense network drawn as SVG with every weight's value and, after the backward pass, its gradient.
// Defaults to seed 002's 2-2-2 sigmoid network. The engine (the `./tutor mlp` code, via network.js) does the
// forward pass, the backward pass and the SGD update; this element only draws. Events: `bp-network-change`
// {phase, loss}; `data-ready="true"` once the engine answered (a network or an error), `data-loss`, `data-grads`.
import { loadNetwork } from '../../engine/load.js';
import '../../i18n/embed.js';
import { formatNumber } from '../lesson-kit/format.js';
import { say as sayIn, shadowBox, el } from '../lesson-kit/kit.js';
import { watchVisibility } from '../lesson-kit/visibility.js';
import { numberList, jsonAttribute } from '../lesson-kit/attributes.js';
import { drawNetwork } from './network-svg.js';

/** Seed 002's network (Matt Mazur's worked example): W is (in, out), W[i][j] from input i to unit j. */
const SEED_002 = '[{"W": [[0.15, 0.25], [0.20, 0.30]], "b": [0.35, 0.35]}, {"W": [[0.40, 0.50], [0.45, 0.55]], "b": [0.60, 0.60]}]';
const PHASES = /** @type {const} */ (['weights', 'forward', 'backward']);

const CSS = `
.toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin-bottom: 0.5rem; }
button:disabled { opacity: 0.45; cursor: default; }
.drawing { overflow-x: auto; }
svg.network { display: block; width: 100%; max-width: 760px; min-width: 420px; height: auto; margin: 0 auto;
  font: 14px system-ui, sans-serif; font-variant-numeric: tabular-nums; }
svg.network line { stroke: var(--muted, #6b6f76); stroke-width: 1.5; }
svg.network circle { fill: var(--card, #fff); stroke: var(--fg, #3c4043); stroke-width: 1.6; }
svg.network .input circle { stroke-dasharray: 4 3; }
svg.network text { text-anchor: middle; paint-order: stroke; stroke: var(--card, #fff); stroke-width: 4px; stroke-linejoin: round; }
svg.network .name { fill: var(--fg, #1d1d1f); font-weight: 700; stroke: none; }
svg.network .value { fill: #1b7f3b; font-weight: 600; }
svg.network .grad { fill: #c62828; font-weight: 600; font-style: italic; }
svg.network .bias { fill: var(--muted, #5f6368); font-size: 12px; }
svg.network .bias.grad { fill: #c62828; }
table { border-collapse: collapse; margin-top: 0.6rem; }
td, th { border: 1px solid var(--border, #ddd); padding: 0.15rem 0.5rem; text-align: right; white-space: nowrap; }
th { font-weight: 600; }
.loss { font-weight: 700; margin: 0.4rem 0; }
.error { color: var(--error, #b3261e); font-weight: 600; white-space: pre-wrap; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) {
  svg.network .value { fill: #81c995; }
  svg.network .grad, svg.network .bias.grad { fill: #ff8a80; }
}
`;

export class BpNetwork extends HTMLElement {
  static observedAttributes = ['layers', 'inputs', 'targets', 'activation', 'loss', 'lr', 'step', 'lang'];

  constructor() {
    super();
    /** @type {import('../../engine/network.js').NetworkReport | null} */
    this.report = null;
    /** @type {import('../../engine/network.js').NetworkSpec | null} */
    this.spec = null;
    /** @type {typeof PHASES[number]} */
    this.phase = 'weights';
    this.updates = 0;
    this.started = false;
    /** @type {(() => void) | null} */
    this.unwatch = null;
  }

  connectedCallback() {
    this.body = shadowBox(this, CSS);
    this.body.append(el('p', { class: 'muted' }, [this.say('embed.loading')]));
    this.unwatch = watchVisibility(this, (visible) => { if (visible) this.start(); });
  }

  disconnectedCallback() {
    this.unwatch?.();
    this.unwatch = null;
    this.started = false;  // nothing engine-side to free: each step is one call that owns its memory
  }

  /** @param {string} name @param {string|null} before @param {string|null} after */
  attributeChangedCallback(name, before, after) {
    if (!this.started || before === after) return;
    if (name === 'step' || name === 'lang') {
      this.phase = this.phaseFromAttribute();
      this.render();
    } else {
      this.compute({ fresh: true });
    }
  }

  /** @param {string} key @param {Record<string, string|number>} [params] */
  say(key, params) { return sayIn(this, key, params); }

  start() {
    if (this.started) return;
    this.started = true;
    this.unwatch?.();
    this.unwatch = null;
    this.compute({ fresh: true });
  }

  phaseFromAttribute() {
    const step = this.getAttribute('step');
    return step === 'forward' || step === 'backward' ? step : 'weights';
  }

  /** The spec the attributes describe (throws a readable Error for a malformed attribute). */
  specFromAttributes() {
    const activation = this.getAttribute('activation') ?? 'sigmoid';
    /** @type {any[]} */
    const layers = jsonAttribute(this.getAttribute('layers') ?? SEED_002, 'layers', this);
    if (!Array.isArray(layers)) throw new Error('layers: expected a JSON list of {"W", "b"} layers');
    const loss = this.getAttribute('loss') ?? 'half_sse';
    const x = [numberList(this.getAttribute('inputs') ?? '0.05, 0.10', 'inputs', this)];
    const targets = numberList(this.getAttribute('targets') ?? '0.01, 0.99', 'targets', this);
    return {
      layers: layers.map((layer) => (layer && typeof layer === 'object' && !('activation' in layer) ? { ...layer, activation } : layer)),
      loss, x, y: loss === 'softmax_cross_entropy' ? targets : [targets],
      optimizer: { type: 'sgd', lr: numberList(this.getAttribute('lr') ?? '0.5', 'lr', this)[0] },
    };
  }

  /** Asks the engine for one step of the current network. @param {{fresh?: boolean}} [options] */
  async compute(options = {}) {
    const ticket = (this.pending = {});
    const network = await loadNetwork();
    if (this.pending !== ticket || !this.isConnected) return;
    try {
      if (options.fresh || !this.spec) {
        this.spec = /** @type {any} */ (this.specFromAttributes());
        this.updates = 0;
        this.phase = this.phaseFromAttribute();
      }
      this.report = network.step(/** @type {any} */ (this.spec));
      this.render();
    } catch (error) {
      this.report = null;
      const message = this.say('embed.error', { message: /** @type {Error} */ (error).message });
      /** @type {HTMLElement} */ (this.body).replaceChildren(el('div', { class: 'box' }, [el('p', { class: 'error', role: 'alert' }, [message])]));
    }
    this.dataset.ready = 'true';
  }

  /** Applies the engine's updated weights, then shows the new network's forward pass. */
  update() {
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
    const button = (/** @type {string} */ key, /** @type {() => void} */ action, /** @type {boolean} */ disabled) => {
      const b = el('button', { type: 'button', class: 'quiet', disabled }, [say(key)]);
      b.addEventListener('click', action);
      return b;
    };
    const toolbar = el('div', { class: 'toolbar', role: 'toolbar' }, [
      button('network.forward', () => this.show('forward'), shown >= 1),
      button('network.backward', () => this.show('backward'), shown < 1 || shown >= 2),
      button('network.update', () => this.update(), shown < 2),
      button('network.reset', () => this.compute({ fresh: true }), this.updates === 0 && shown === 0),
      el('span', { class: 'muted' }, [say('network.steps', { n: this.updates })])]);
    const parts = [el('p', { class: 'title' }, [say('network.title')]), toolbar, el('div', { class: 'drawing' }, [drawing])];
    if (shown >= 1) {
      const lossLine = [say('network.loss', { loss: formatNumber(report.loss, 6) })];
      if (shown >= 2) lossLine.push(` · ${say('network.lossAfter', { loss: formatNumber(report.loss_after, 6) })}`);
      parts.push(el('p', { class: 'loss num' }, lossLine));
    }
    parts.push(el('p', { class: 'muted' }, [say('network.legendForward'), ' ', shown >= 2 ? say('network.legendBackward') : '']));
    if (shown >= 2) parts.push(el('div', { class: 'scroll' }, [this.table(names, spec, report)]));
    /** @type {HTMLElement} */ (this.body).replaceChildren(el('div', { class: 'box' }, parts));
    this.dataset.loss = String(report.loss);
    this.dataset.phase = this.phase;
    this.dataset.grads = JSON.stringify(report.grads.map((g) => g.W));
    this.dispatchEvent(new CustomEvent('bp-network-change', { detail: { phase: this.phase, loss: report.loss }, bubbles: true, composed: true }));
  }

  /** Every weight: value, gradient, value after the update. @param {string[][]} names @param {any} spec @param {import('../../engine/network.js').NetworkReport} report */
  table(names, spec, report) {
    const say = this.say.bind(this);
    const head = el('tr', {}, [say('network.weight'), say('network.value'), say('network.gradient'),
      say('network.updated', { lr: spec.optimizer.lr })].map((text) => el('th', {}, [text])));
    /** @type {HTMLElement[]} */
    const rows = [];
    for (let l = 0; l < spec.layers.length; l++) {
      spec.layers[l].W.forEach((/** @type {number[]} */ row, /** @type {number} */ i) => row.forEach((w, j) => {
        rows.push(el('tr', { 'data-weight': `${l}:${i}:${j}` }, [`${names[l][i]} → ${names[l + 1][j]}`, formatNumber(w, 6),
          formatNumber(report.grads[l].W[i][j], 6), formatNumber(report.updated[l].W[i][j], 6)].map((text) => el('td', { class: 'num' }, [text]))));
      }));
    }
    return el('table', {}, [head, ...rows]);
  }
}

if (!customElements.get('bp-network')) customElements.define('bp-network', BpNetwork);
