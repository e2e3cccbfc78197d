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
import { el } from '../lesson-kit/kit.js';
import { BpElement, defineWidget } from '../base/bp-element.js';
import { AttributeError } from '../base/read-attribute.js';
import { readPalette } from '../../styles/tokens.js';
import { paintBoundary } from './boundary-canvas.js';

/** Limits of this compact view (the engine's own are far larger; its training page is the place for big runs). */
export const LIMITS = { samples: 2000, layers: 4, units: 32 };
/** Milliseconds of training per animation frame: well inside a 16 ms frame, so scrolling and clicks stay smooth. */
const FRAME_BUDGET_MS = 6;
const GRID = 40;

const CSS = `
.view { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: flex-start; }
canvas { width: 240px; height: 240px; max-width: 100%; border: 1px solid var(--bp-border); border-radius: 6px; }
.status { margin: 0.3rem 0; }
`;

export class BpTrainer extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-trainer',
    summary: 'A compact training view: play, pause or step, the loss, the accuracy and the decision regions.',
    engine: 'trainer',
    figure: true,
    attributes: [
      { name: 'dataset', type: 'string', default: 'circle', doc: 'A 2-D data set: {datasets2d}.' },
      { name: 'layers', type: 'numbers', default: '8,8', doc: `Hidden layer sizes: at most ${LIMITS.layers} layers of at most ${LIMITS.units} units.` },
      { name: 'activation', type: 'string', default: 'tanh', doc: 'One of {activations}.' },
      { name: 'optimizer', type: 'string', default: 'sgd', doc: 'One of {optimizers}.' },
      { name: 'lr', type: 'number', default: '0.1', min: 0, doc: 'Learning rate.' },
      { name: 'samples', type: 'integer', default: '200', min: 4, max: LIMITS.samples, doc: 'Points in the data set.' },
      { name: 'noise', type: 'number', default: '0.1', doc: 'Noise, 0 to 1.' },
      { name: 'seed', type: 'integer', default: '1', min: 0, doc: 'Random seed: the same seed, the same run.' },
      { name: 'autoplay', type: 'boolean', doc: 'Start training when first in view.' },
    ],
    example: 'dataset="xor" layers="8,8" lr="0.1"',
  });

  static css = CSS;

  /** @type {ReturnType<Awaited<ReturnType<typeof loadTrainer>>['createTrainer']> | null} the engine session */
  trainer = null;
  playing = false;
  frame = 0;
  stepsPerFrame = 1;

  /** @param {string} name */
  attributeChanged(name) {
    if (name === 'lang') this.render();
    else this.update();
  }

  /** Training pauses out of view (the animation frames stop) and resumes when back. @param {boolean} visible */
  visibilityChanged(visible) {
    if (!visible) cancelAnimationFrame(this.frame);
    this.schedule();
    this.showStatus();
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('bp-theme-change', this.onTheme);
  }

  /** The site's theme changed: the class colours may resolve differently (tokens.css), so repaint. */
  onTheme = () => {
    this.colours = readPalette(this).classes;
    this.paint();
  };

  disconnectedCallback() {
    document.removeEventListener('bp-theme-change', this.onTheme);
    cancelAnimationFrame(this.frame);
    this.trainer = null;  // freed by the base (owned)
    super.disconnectedCallback();
  }

  /** The trainer config the attributes describe (throws a readable Error for a bad or oversized one). */
  config() {
    const layers = /** @type {number[]} */ (this.attr('layers'));
    if (layers.length > LIMITS.layers || layers.some((n) => n > LIMITS.units)) {
      throw new AttributeError('layers', this.say('trainer.tooBig', { layers: layers.join(','), maxLayers: LIMITS.layers, maxUnits: LIMITS.units }));
    }
    return {
      dataset: String(this.attr('dataset')), samples: Number(this.attr('samples')), layers,
      noise: Number(this.attr('noise')), seed: Number(this.attr('seed')),
      activation: String(this.attr('activation')),
      optimizer: { type: String(this.attr('optimizer')), lr: Number(this.attr('lr')) },
    };
  }

  /** (Re)creates the engine session from the attributes. */
  update() {
    cancelAnimationFrame(this.frame);
    if (!this.trainer) this.playing = Boolean(this.attr('autoplay'));  // a rebuild keeps playing or paused
    this.withEngine(loadTrainer, (api) => {
      this.release();
      this.trainer = null;
      try {
        this.trainer = this.own(api.createTrainer(this.config()));
      } catch (error) {
        this.playing = false;
        throw error;
      }
      const data = this.trainer.data();
      this.data = data;
      this.extent = data.d === 2 ? bounds(data.x) : null;
      this.render();
      this.schedule();
    });
  }

  render() {
    if (!this.trainer) return;
    const say = this.say.bind(this);
    const button = (/** @type {string} */ key, /** @type {() => void} */ action) => this.button(say(key), action, { quiet: true });
    this.playButton = this.button(say(this.playing ? 'trainer.pause' : 'trainer.play'), () => this.toggle());
    const { dataset } = this.trainer.description;
    const layers = [dataset.d, ...this.trainer.description.layers.map((/** @type {{out: number}} */ l) => l.out)].join('-');
    this.canvas = el('canvas', { width: 240, height: 240, role: 'img', 'aria-label': say('trainer.region', { layers, dataset: dataset.name }) });
    this.status = el('p', { class: 'status num', role: 'status' });
    this.note = el('p', { class: 'muted' });
    const view = this.extent ? [this.canvas] : [el('p', { class: 'muted' }, [say('trainer.notTwoD', { dataset: dataset.name })])];
    this.colours = readPalette(this).classes;
    this.body.replaceChildren(this.box([el('p', { class: 'title' }, [say('trainer.title')]),
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
    if (this.extent && this.canvas && this.data) {
      paintBoundary(this.canvas, this.trainer.grid({ ...this.extent, nx: GRID, ny: GRID }), this.data, this.extent, this.colours ?? readPalette(this).classes);
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

defineWidget(BpTrainer);
