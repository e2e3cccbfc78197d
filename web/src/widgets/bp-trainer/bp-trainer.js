// @ts-check
// <bp-trainer [dataset="circle|xor|gauss|spiral|moons"] [layers="8,8"] [activation="tanh"] [lr="0.1"]
//   [optimizer="sgd|momentum|adam"] [samples="200"] [noise="0.1"] [seed="1"] [autoplay]>: a compact training view:
// play/pause, one step, reset, the loss and accuracy, and the decision regions on a small canvas. Training runs in
// the engine (trainer.js); each animation frame takes only as many steps as fit in a few milliseconds, so a page
// stays responsive, and training pauses when the widget leaves the view. The engine session is freed on removal.
// `data-ready="true"` once the engine answered (a session or an error); `data-steps`, `data-loss`, `data-accuracy`.
import { loadTrainer } from '../../engine/load.js';
import '../../i18n/embed.js';
import { formatNumber } from '../lesson-kit/format.js';
import { say as sayIn, shadowBox, el } from '../lesson-kit/kit.js';
import { watchVisibility } from '../lesson-kit/visibility.js';
import { numberList } from '../lesson-kit/attributes.js';
import { paintBoundary } from './boundary-canvas.js';

/** Limits of this compact view (the engine's own are far larger; its training page is the place for big runs). */
export const LIMITS = { samples: 2000, layers: 4, units: 32 };
/** Milliseconds of training per animation frame: well inside a 16 ms frame, so scrolling and clicks stay smooth. */
const FRAME_BUDGET_MS = 6;
const GRID = 40;

const CSS = `
.toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin-bottom: 0.5rem; }
.view { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: flex-start; }
canvas { width: 240px; height: 240px; max-width: 100%; border: 1px solid var(--border, #ddd); border-radius: 6px; }
.status { margin: 0.3rem 0; }
.error { color: var(--error, #b3261e); font-weight: 600; white-space: pre-wrap; overflow-wrap: anywhere; }
`;

export class BpTrainer extends HTMLElement {
  static observedAttributes = ['dataset', 'layers', 'activation', 'lr', 'optimizer', 'samples', 'noise', 'seed', 'lang'];

  constructor() {
    super();
    /** @type {any} the engine session (trainer.js), owned by this element */
    this.trainer = null;
    this.playing = false;
    this.visible = false;
    this.frame = 0;
    this.stepsPerFrame = 1;
    /** @type {(() => void) | null} */
    this.unwatch = null;
  }

  connectedCallback() {
    this.body = shadowBox(this, CSS);
    this.body.append(el('p', { class: 'muted' }, [this.say('embed.loading')]));
    this.playing = this.hasAttribute('autoplay');
    this.unwatch = watchVisibility(this, (visible) => {
      this.visible = visible;
      if (visible && !this.trainer && !this.pending) this.build();
      this.schedule();
      this.showStatus();
    });
  }

  disconnectedCallback() {
    this.unwatch?.();
    this.unwatch = null;
    cancelAnimationFrame(this.frame);
    this.trainer?.dispose();
    this.trainer = null;
    this.pending = undefined;
  }

  /** @param {string} name @param {string|null} before @param {string|null} after */
  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected || (!this.trainer && !this.error)) return;
    if (name === 'lang') this.render();
    else this.build();
  }

  /** @param {string} key @param {Record<string, string|number>} [params] */
  say(key, params) { return sayIn(this, key, params); }

  /** The trainer config the attributes describe (throws a readable Error for a bad or oversized one). */
  config() {
    const layersText = this.getAttribute('layers') ?? '8,8';
    const layers = numberList(layersText, 'layers', this);
    if (layers.length > LIMITS.layers || layers.some((n) => n > LIMITS.units)) {
      throw new Error(this.say('trainer.tooBig', { layers: layersText, maxLayers: LIMITS.layers, maxUnits: LIMITS.units }));
    }
    const samples = numberList(this.getAttribute('samples') ?? '200', 'samples', this)[0];
    if (samples > LIMITS.samples) throw new Error(this.say('trainer.tooManySamples', { n: samples, max: LIMITS.samples }));
    const number = (/** @type {string} */ name, /** @type {string} */ fallback) => numberList(this.getAttribute(name) ?? fallback, name, this)[0];
    return {
      dataset: /** @type {any} */ (this.getAttribute('dataset') ?? 'circle'), samples, layers,
      noise: number('noise', '0.1'), seed: number('seed', '1'),
      activation: /** @type {any} */ (this.getAttribute('activation') ?? 'tanh'),
      optimizer: { type: /** @type {any} */ (this.getAttribute('optimizer') ?? 'sgd'), lr: number('lr', '0.1') },
    };
  }

  /** (Re)creates the engine session from the attributes. */
  async build() {
    const ticket = (this.pending = {});
    const api = await loadTrainer();
    if (this.pending !== ticket || !this.isConnected) return;
    this.pending = undefined;
    this.trainer?.dispose();
    this.trainer = null;
    this.error = null;
    try {
      this.trainer = api.createTrainer(this.config());
      const data = this.trainer.data();
      this.data = data;
      this.box = data.d === 2 ? bounds(data.x) : null;
      this.render();
    } catch (error) {
      this.error = error;
      this.playing = false;
      const message = this.say('embed.error', { message: /** @type {Error} */ (error).message });
      /** @type {HTMLElement} */ (this.body).replaceChildren(el('div', { class: 'box' }, [el('p', { class: 'error', role: 'alert' }, [message])]));
    }
    this.dataset.ready = 'true';
    this.schedule();
  }

  render() {
    if (!this.trainer) return;
    const say = this.say.bind(this);
    const button = (/** @type {string} */ key, /** @type {() => void} */ action) => {
      const b = el('button', { type: 'button', class: 'quiet' }, [say(key)]);
      b.addEventListener('click', action);
      return b;
    };
    this.playButton = button(this.playing ? 'trainer.pause' : 'trainer.play', () => this.toggle());
    this.playButton.className = '';
    const { dataset } = this.trainer.description;
    const layers = [dataset.d, ...this.trainer.description.layers.map((/** @type {{out: number}} */ l) => l.out)].join('-');
    this.canvas = el('canvas', { width: 240, height: 240, role: 'img', 'aria-label': say('trainer.region', { layers, dataset: dataset.name }) });
    this.status = el('p', { class: 'status num', role: 'status' });
    this.note = el('p', { class: 'muted' });
    const view = this.box ? [this.canvas] : [el('p', { class: 'muted' }, [say('trainer.notTwoD', { dataset: dataset.name })])];
    /** @type {HTMLElement} */ (this.body).replaceChildren(el('div', { class: 'box' }, [el('p', { class: 'title' }, [say('trainer.title')]),
      el('div', { class: 'toolbar', role: 'toolbar' }, [this.playButton, button('trainer.step', () => this.train(1)),
        button('trainer.reset', () => { this.trainer?.reset(); this.paint(); })]),
      el('div', { class: 'view' }, [...view, el('div', {}, [this.status, this.note])])]));
    this.paint();
  }

  toggle() {
    this.playing = !this.playing;
    if (this.playButton) this.playButton.textContent = this.say(this.playing ? 'trainer.pause' : 'trainer.play');
    this.schedule();
    this.showStatus();
  }

  /** Keeps one animation frame queued while playing and visible. */
  schedule() {
    cancelAnimationFrame(this.frame);
    if (this.playing && this.visible && this.trainer) this.frame = requestAnimationFrame(() => this.tick());
  }

  tick() {
    const started = performance.now();
    this.train(this.stepsPerFrame);
    // Adapt the batch of steps to the frame budget: double while cheap, halve when over.
    const spent = performance.now() - started;
    if (spent < FRAME_BUDGET_MS / 2 && this.stepsPerFrame < 256) this.stepsPerFrame *= 2;
    else if (spent > FRAME_BUDGET_MS && this.stepsPerFrame > 1) this.stepsPerFrame /= 2;
    this.schedule();
  }

  /** @param {number} n */
  train(n) {
    if (!this.trainer) return;
    try {
      this.trainer.step(n);
    } catch (error) {
      this.playing = false;
      /** @type {HTMLElement} */ (this.note).textContent = /** @type {Error} */ (error).message;
    }
    this.paint();
  }

  /** The loss, accuracy and decision regions now. */
  paint() {
    if (!this.trainer) return;
    this.metrics = this.trainer.evaluate();
    if (this.box && this.canvas && this.data) {
      paintBoundary(this.canvas, this.trainer.grid({ ...this.box, nx: GRID, ny: GRID }), this.data, this.box);
    }
    this.dataset.steps = String(this.metrics.steps);
    this.dataset.loss = String(this.metrics.loss);
    this.dataset.accuracy = String(this.metrics.accuracy);
    this.showStatus();
  }

  showStatus() {
    if (!this.status || !this.metrics) return;
    const m = this.metrics;
    this.status.textContent = this.say('trainer.status', { steps: m.steps, loss: formatNumber(m.loss), accuracy: `${formatNumber(m.accuracy * 100, 1)}%` });
    /** @type {HTMLElement} */ (this.note).textContent = this.playing && !this.visible ? this.say('trainer.paused') : '';
  }
}

/** The data's extent with a margin, for the picture's axes (layout, not model arithmetic). @param {ArrayLike<number>} x row-major (n, 2) */
function bounds(x) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < x.length; i += 2) {
    x0 = Math.min(x0, x[i]); x1 = Math.max(x1, x[i]);
    y0 = Math.min(y0, x[i + 1]); y1 = Math.max(y1, x[i + 1]);
  }
  const pad = 0.1 * Math.max(x1 - x0, y1 - y0, 1e-9);
  return { x0: x0 - pad, x1: x1 + pad, y0: y0 - pad, y1: y1 + pad };
}

if (!customElements.get('bp-trainer')) customElements.define('bp-trainer', BpTrainer);
