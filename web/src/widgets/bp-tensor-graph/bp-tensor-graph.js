// @ts-check
// <bp-tensor-graph layers="3-4-3" activation="tanh" loss="softmax_cross_entropy" batch="4" seed="1" [spec='{…}']
//   [at="forward"] [mode="quiz"]>: backprop in matrix form. The engine makes the network (seeded, or the given
// spec), runs it on the whole batch and records every op; this element steps through that trace: each node a heat
// map with its shape (tensor-timeline.js, card.js), the active op's rule with the shapes under its factors
// (stage.js), any gradient entry written out as a sum on a tap (the engine's entry sums, with a link to that
// entry's scalar graph in the playground), pooling and convolution as pixel grids with their routing animated
// (routing.js), and an engine-graded quiz (tensor-quiz.js). Events: `bp-tensor-graph-ready` {steps},
// `bp-tensor-graph-change` {step, steps}, `bp-tensor-graph-error` {message}.
import { loadNetwork } from '../../engine/load.js';
import '../../i18n/tensor.js';
import { el, texNode, localeOf } from '../lesson-kit/kit.js';
import { defineWidget } from '../base/bp-element.js';
import { StepperElement } from '../base/stepper-element.js';
import { exampleAttributes, exampleChoices } from '../base/example-attributes.js';
import { nodesOf, positionOf, commaList, shapeText } from './tensor-timeline.js';
import { stageOf, prepareRules } from './stage.js';
import { matrixCard } from './card.js';
import { routingFrames, animate } from './routing.js';
import { quizForm, TensorScore } from './tensor-quiz.js';
import { TENSOR_CSS } from './styles.js';

/** @typedef {import('../../engine/network.js').NetworkReport} NetworkReport */
/** @typedef {import('../../engine/network.js').NetworkSpec} NetworkSpec */
/** @typedef {ReturnType<import('../../engine/network.js').wrapNetwork>} NetworkApi */

/** Runs `work` when the browser is idle (WebKit has no requestIdleCallback: a short timeout instead). @param {() => void} work */
const whenIdle = (work) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 500 }) : setTimeout(work, 30));

/** Below this width the cards other than the result close into shape chips. */
const NARROW_PX = 560;

export class BpTensorGraph extends StepperElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-tensor-graph',
    summary: 'The tensor stepper: backprop of a whole batch in matrix form, each matrix a heat map with its shape, each rule with the shapes under its factors, any gradient entry written out as a sum.',
    engine: 'network',
    figure: true,
    ownChunk: true,
    attributes: [
      ...exampleAttributes({ layers: '3-4-3', activation: 'tanh', loss: 'softmax_cross_entropy', batch: '4' }),
      { name: 'spec', type: 'json', maxLength: 200000,
        doc: 'A whole network instead: the JSON of `./tutor mlp` ({"layers": [{"W", "b", "activation"}], "loss", "x", "y", "optimizer"}, or a grid spec with "input_shape" and conv2d / max_pool2d / avg_pool2d layers).' },
      { name: 'at', type: 'string', default: 'start', maxLength: 64,
        doc: 'Where it opens: start, forward (the forward pass done), backward:NAME (dNAME just known, e.g. backward:W1), end, or a step number.' },
      { name: 'mode', type: 'enum', values: ['step', 'quiz'], default: 'step', doc: 'quiz asks for each result’s shape and first entry before showing it.' },
      { name: 'playground', type: 'string', default: 'playground.html', maxLength: 2000,
        doc: 'The address of the scalar playground that an entry’s “open its scalar graph” link goes to; empty: no link.' },
      { name: 'stale', type: 'boolean', doc: 'Marks the drawing out of date (dimmed, still steppable), e.g. while a page’s spec does not parse.' },
    ],
    events: [
      { name: 'bp-tensor-graph-ready', detail: '{steps}', doc: 'The network is traced and drawn.' },
      { name: 'bp-tensor-graph-change', detail: '{step, steps}', doc: 'The step shown changed.' },
      { name: 'bp-tensor-graph-error', detail: '{message}', doc: 'The spec or a size is not accepted (the engine’s message).' },
    ],
    example: 'layers="3-4-3" batch="4" at="forward"',
  });

  static css = TENSOR_CSS;

  /** @type {NetworkReport | null} */
  report = null;
  /** @type {NetworkSpec | null} the spec the report is of */
  spec = null;
  /** @type {NetworkApi | null} */
  network = null;
  /** @type {import('./tensor-timeline.js').TensorNode[]} */
  nodes = [];
  score = new TensorScore();
  /** @type {string | null} the node whose cards are open under the strip */
  shownNode = null;
  narrow = false;
  stopAnimation = () => {};
  /** @type {ResizeObserver | null} */
  resize = null;

  disconnectedCallback() {
    this.stopAnimation();
    this.resize?.disconnect();
    this.resize = null;
    super.disconnectedCallback();
  }

  /** @param {string} name */
  attributeChanged(name) {
    if (name === 'at') this.go(this.stepFromAttribute());
    else if (name === 'mode') this.render();
    else if (name === 'lang' && this.report) this.redraw();
    else if (name === 'stale') this.showStale(this.say('tensor.stale'));
    else if (name !== 'playground') this.update();
  }

  get stepCount() { return this.report?.steps.length ?? 0; }
  reset() { this.score.reset(); this.go(0); }
  drawingBox() { return /** @type {HTMLElement | null} */ (this.body.querySelector(':scope > .box.tensor')); }

  /** The spec the attributes describe: the given one, or the engine's seeded example. @param {NetworkApi} network */
  specFromAttributes(network) {
    const given = this.attr('spec');
    if (given !== null && given !== '') return /** @type {NetworkSpec} */ (given);
    return network.example(exampleChoices((name) => this.attr(name)));
  }

  /** Asks the engine for the network and its trace, and draws it at the step `at` names. */
  update() {
    this.withEngine(loadNetwork, (network) => {
      const spec = this.specFromAttributes(network);
      const report = network.tensorStep(spec);
      this.network = network;
      this.spec = spec;
      this.report = report;
      this.nodes = nodesOf(report.steps);
      this.score.reset();
      this.draw();
      this.go(this.stepFromAttribute(), { quiet: true });
      this.emit('bp-tensor-graph-ready', { steps: report.steps.length });
    });
  }

  /** The whole frame again at the same step (its words are in the new language). */
  redraw() {
    this.draw();
    this.go(this.position, { quiet: true });
  }

  /** The step `at` names; a place the trace does not have is reported under the drawing. */
  stepFromAttribute() {
    if (!this.report) return 0;
    const text = this.getAttribute('at') ?? 'start';
    const position = positionOf(this.report.steps, this.nodes, text);
    if (position === null) {
      this.warnings?.replaceChildren(el('p', { class: 'error' }, [this.say('tensor.badAt', { at: text })]));
      return 0;
    }
    return position;
  }

  /** The engine's message above the last good drawing (dimmed and marked out of date), and an event. @param {Error} error */
  showError(error) {
    this.stopAnimation();
    this.report = null;
    const alert = this.box([el('p', { class: 'error', role: 'alert' }, [this.say('tensor.error', { message: error.message })])]);
    this.showOverStale(alert, this.say('tensor.stale'));
    this.emit('bp-tensor-graph-error', { message: error.message });
  }

  /** The frame: toolbar, the node strip, the stage for the current step, the entry panel. */
  draw() {
    const say = this.say.bind(this);
    const spec = /** @type {NetworkSpec} */ (this.spec);
    const sizes = [spec.x[0]?.length ?? 0, ...spec.layers.map((l) => ('b' in l ? l.b.length : 0))].join('-');
    const region = 'input_shape' in spec ? say('tensor.regionGrid', { batch: spec.x.length }) : say('tensor.region', { sizes, batch: spec.x.length });
    const toolbar = this.stepperToolbar('tensor', region);
    this.strip = el('ol', { class: 'strip', 'aria-label': say('tensor.nodes') }, this.nodes.map((node) => {
      const shape = shapeText(node.grid ? [node.shape[0], ...node.grid] : node.shape);
      const open = el('button', { type: 'button', class: 'node-button', 'aria-expanded': 'false' }, [
        el('span', { class: 'node-name' }, [texNode(node.latex, false)]), el('span', { class: 'chip num' }, [shape.replaceAll('x', '×')])]);
      open.addEventListener('click', () => this.showNode(this.shownNode === node.name ? null : node.name));
      return el('li', { class: 'node', 'data-node': node.name, 'data-op': node.op, 'data-shape': shape }, [open]);
    }));
    this.nodeView = el('div', { class: 'node-view' });
    this.stage = el('div', { class: 'stage-slot' });
    this.entryPanel = el('div', { class: 'entry', role: 'region', 'aria-label': say('tensor.entryTitle'), hidden: true });
    this.warnings = el('div', { class: 'warnings' });
    this.panel = el('div', { class: 'panel' });
    this.shownNode = null;
    this.body.replaceChildren(el('div', { class: 'box tensor', role: 'region', 'aria-label': region }, [toolbar, this.strip, this.nodeView,
      el('p', { class: 'legend muted' }, [say('tensor.legend'), ' ', say('tensor.keys')]), this.warnings, this.panel, this.stage,
      this.entryPanel]));
    this.watchWidth();
    this.showStale(say('tensor.stale'));
  }

  /** Opens the cards of one node (its value and, once known, its gradient) under the strip, or closes them. @param {string | null} name */
  showNode(name) {
    this.shownNode = name;
    const view = /** @type {HTMLElement} */ (this.nodeView);
    for (const button of /** @type {HTMLElement} */ (this.strip).querySelectorAll('.node-button')) {
      button.setAttribute('aria-expanded', String(button.closest('[data-node]')?.getAttribute('data-node') === name));
    }
    const node = this.nodes.find((candidate) => candidate.name === name);
    if (!node) return void view.replaceChildren();
    const say = this.say.bind(this);
    const shown = [node.valueAt <= this.position ? node.value : undefined, node.gradAt <= this.position ? node.grad : undefined];
    const cards = shown.filter((m) => m !== undefined).map((m) => matrixCard(/** @type {import('../../engine/network.js').StepMatrix} */ (m),
      { say, role: say(`tensor.op.${node.op}`), open: true }));
    view.replaceChildren(el('div', { class: 'cards' }, cards.length ? cards : [el('p', { class: 'muted' }, [say('tensor.notYet')])]));
  }

  /** Narrow or wide decides which cards start open; a change of width redraws the same step. */
  watchWidth() {
    this.resize?.disconnect();
    this.resize = new ResizeObserver(([entry]) => {
      const narrow = entry.contentRect.width < NARROW_PX;
      if (narrow === this.narrow) return;
      this.narrow = narrow;
      this.body.querySelector('.box.tensor')?.classList.toggle('narrow', narrow);
      this.render({ quiet: true });
    });
    this.resize.observe(this.body);
    this.narrow = this.body.getBoundingClientRect().width < NARROW_PX;
    this.body.querySelector('.box.tensor')?.classList.toggle('narrow', this.narrow);
  }

  /** Moves to step `n` (clamped) and shows it. @param {number} n @param {{quiet?: boolean}} [options] */
  go(n, options = {}) {
    if (!this.report) return;
    this.position = Math.max(0, Math.min(this.stepCount, Math.trunc(n) || 0));
    this.render(options);
  }

  /** Shows the current step: node states and data attributes, the stage, the quiz, the narration. @param {{quiet?: boolean}} [options] */
  render(options = {}) {
    const report = this.report;
    if (!report || !this.stage || !this.panel || !this.strip) return;
    const say = this.say.bind(this);
    const n = this.position;
    const total = report.steps.length;
    const current = n > 0 ? report.steps[n - 1] : null;
    const touched = new Set(current ? current.matrices.map((m) => m.name.replace(/^d/, '')) : []);
    for (const node of this.nodes) {
      const item = /** @type {HTMLElement} */ (this.strip.querySelector(`[data-node="${node.name}"]`));
      const known = node.valueAt <= n, hasGrad = node.gradAt <= n;
      item.classList.toggle('known', known);
      item.classList.toggle('has-grad', hasGrad);
      item.classList.toggle('current', touched.has(node.name));
      if (known && node.value) item.dataset.values = commaList(node.value); else delete item.dataset.values;
      if (hasGrad && node.grad) item.dataset.gradValues = commaList(node.grad); else delete item.dataset.gradValues;
    }
    this.showToolbar(say('tensor.counter', { n, total }));
    this.drawingBox()?.classList.toggle('quiz-on', this.quiz);  // the chips of what is not computed yet hide their shapes

    this.stopAnimation();
    this.closeEntry();
    const parts = [];
    let narration;
    if (current) {
      parts.push(el('p', { class: 'phase' }, [say(current.phase === 'forward' ? 'tensor.forward' : 'tensor.backward')]));
      this.stage.replaceChildren(stageOf(current, { say, locale: localeOf(this), narrow: this.narrow, onEntry: (target, row, col) => this.openEntry(target, row, col) }));
      const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
      this.stopAnimation = animate(this.stage, routingFrames(current), still);
      narration = say('tensor.say.step', { phase: say(current.phase === 'forward' ? 'tensor.forward' : 'tensor.backward'),
        op: say(`tensor.op.${current.op}`), name: current.phase === 'forward' ? current.node : current.rules.map((r) => r.target).join(', '),
        shape: current.shape.join('×') });
      if (current.phase === 'backward') parts.push(el('p', { class: 'muted small' }, [say('tensor.clickEntry')]));
    } else {
      this.stage.replaceChildren();
      parts.push(el('p', { class: 'message' }, [say('tensor.start')]));
      narration = say('tensor.say.start');
    }
    if (n === total) {
      parts.push(el('p', { class: 'message' }, [say('tensor.done')]));
      narration = `${narration} ${say('tensor.say.done')}`;
    }
    if (this.quiz && n < total) {
      const form = quizForm({ step: report.steps[n], network: /** @type {NetworkApi} */ (this.network), say, score: this.score,
        button: (label, action) => this.button(label, action, { quiet: true }),
        onDone: () => { this.position = Math.min(total, n + 1); this.render(); } });
      parts.push(form.form);
    } else if (this.quiz && this.score.asked > 0) {
      parts.push(el('p', { class: 'score', role: 'status' }, [say('tensor.quiz.score', { first: this.score.first, total: this.score.asked })]));
    }
    this.panel.replaceChildren(...parts);
    if (this.shownNode) this.showNode(this.shownNode);
    if (n < total) whenIdle(() => prepareRules(report.steps[n]));  // the next step's KaTeX, while the learner reads
    this.narrate(narration);
    if (!options.quiet) this.emit('bp-tensor-graph-change', { step: n, steps: total });
  }

  /** Entry (row, col) of `target` written out by the engine, with the link to its scalar graph. @param {string} target @param {number} row @param {number} col */
  openEntry(target, row, col) {
    const panel = /** @type {HTMLElement} */ (this.entryPanel);
    const network = /** @type {NetworkApi} */ (this.network);
    const say = this.say.bind(this);
    let sum;
    try {
      sum = network.entry(/** @type {NetworkSpec} */ (this.spec), target, row, col);
    } catch (error) {
      panel.replaceChildren(el('p', { class: 'error' }, [String(/** @type {Error} */ (error).message)]));
      panel.hidden = false;
      return;
    }
    const note = sum.over === 'batch' ? say('tensor.entryBatch', { n: sum.terms.length })
      : sum.over === 'contraction' ? say('tensor.entryContraction', { n: sum.terms.length }) : say('tensor.entryEntry');
    /** @type {HTMLElement[]} */
    const parts = [el('p', { class: 'entry-title' }, [say('tensor.entryTitle')]), el('div', { class: 'entry-sum' }, [texNode(`\\displaystyle ${sum.latex}`, false)]), el('p', { class: 'muted' }, [note])];
    const base = String(this.attr('playground'));
    if (sum.playground && base) {
      const url = new URL(base, document.baseURI);
      url.searchParams.set('expr', sum.playground.expr);
      for (const [name, value] of Object.entries(sum.playground.values)) url.searchParams.set(name, String(value));
      url.searchParams.set('step', 'end');
      parts.push(el('p', {}, [el('a', { href: url.href, class: 'playground-link' }, [say('tensor.playground')])]));
    }
    parts.push(this.button(say('tensor.close'), () => this.closeEntry(), { quiet: true }));
    panel.replaceChildren(...parts);
    panel.dataset.target = target;
    panel.dataset.value = String(sum.value);
    panel.hidden = false;
    this.narrate(`${target} (${row + 1}, ${col + 1}) = ${sum.value}`);
  }

  closeEntry() {
    if (!this.entryPanel) return;
    this.entryPanel.hidden = true;
    this.entryPanel.replaceChildren();
  }
}

defineWidget(BpTensorGraph);
