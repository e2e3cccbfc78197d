// @ts-check
// <bp-graph expr="(x+y)*z" values="x=-2, y=5, z=-4" [mode="quiz"] [step="3" | step="end"]>: the graph stepper.
// The engine parses and differentiates the formula; this element has it drawn (graph-view.js), steps through the
// engine's trace (all forward steps, then all backward steps), renders each step's equation (KaTeX) and, in quiz
// mode, asks for each number before revealing it. It starts when scrolled into view and frees its engine session
// when removed. Events: `bp-graph-ready` {nodes, steps}, `bp-graph-change` {step, steps, quiz}, `bp-graph-error`
// {message, position}; `data-ready="true"` once the first answer from the engine (a graph or an error) is shown.
import { loadEngine } from '../../engine/load.js';
import '../../i18n/graph.js';
import { formatNumber } from '../lesson-kit/format.js';
import { el, texNode } from '../lesson-kit/kit.js';
import { defineWidget } from '../base/bp-element.js';
import { StepperElement } from '../base/stepper-element.js';
import { EXPR, VALUES } from '../base/formula-attributes.js';
import { stepsOf, stateAt, positionOf } from './timeline.js';
import { createGraphView } from './graph-view.js';
import { describeStep } from './describe.js';
import { questionsOf, quizForm, QuizScore } from './quiz.js';
import { GRAPH_CSS } from './styles.js';
import { svgFile, pngFile } from './export.js';

/** The most nodes the stepper draws: beyond this a layout takes too long to keep the page responsive. */
export const MAX_DRAWN_NODES = 400;

/** @typedef {import('../../engine/engine.js').Report} Report */

export class BpGraph extends StepperElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-graph',
    summary: 'The graph stepper: a formula’s computational graph, values forward then gradients backward, one operation at a time, with each step’s chain rule.',
    engine: 'formula',
    figure: true,
    ownChunk: true,
    attributes: [
      EXPR,
      VALUES,
      { name: 'at', type: 'string', default: 'start',
        doc: 'Where the graph stands when it opens: start, forward (the forward pass done), backward:NAME (∂f/∂NAME just completed), end, or a step number.' },
      { name: 'step', type: 'string', default: '', doc: 'The same as at (the playground’s address uses it).' },
      { name: 'mode', type: 'enum', values: ['step', 'quiz'], default: 'step', doc: 'quiz asks for each number before showing it.' },
      { name: 'stale', type: 'boolean', doc: 'Marks the graph out of date (dimmed, still steppable): e.g. while the page’s formula does not parse.' },
    ],
    events: [
      { name: 'bp-graph-ready', detail: '{nodes, steps}', doc: 'The graph is drawn.' },
      { name: 'bp-graph-change', detail: '{step, steps, quiz}', doc: 'The step shown changed.' },
      { name: 'bp-graph-error', detail: '{message, position}', doc: 'The formula or its values are malformed (position: the column, or null).' },
    ],
    example: 'expr="(x+y)*z" values="x=-2, y=5, z=-4"',
  });

  static css = GRAPH_CSS;

  /** @type {ReturnType<Awaited<ReturnType<typeof loadEngine>>['compile']> | null} the compiled formula */
  formula = null;
  formulaText = '';
  /** @type {Report | null} */
  report = null;
  /** @type {import('./timeline.js').Step[]} */
  steps = [];
  score = new QuizScore();
  /** @type {ReturnType<typeof createGraphView> | null} */
  drawing = null;
  /** @type {Awaited<ReturnType<typeof loadEngine>> | null} */
  engine = null;

  disconnectedCallback() {
    this.drawing?.destroy();  // its ResizeObserver
    this.drawing = null;
    super.disconnectedCallback();  // frees the compiled formula (owned)
    this.formula = null;
    this.formulaText = '';
  }

  /** @param {string} name */
  attributeChanged(name) {
    if (name === 'step' || name === 'at') this.go(this.stepFromAttribute());
    else if (name === 'mode' || name === 'lang') this.render();
    else if (name === 'stale') this.showStale(this.say('graph.stale'));
    else this.update();
  }

  // ---- the public API (the playground and tests use it) ------------------------------------------------------

  get stepCount() { return this.steps.length; }
  reset() { this.score.reset(); this.go(0); }
  drawingBox() { return /** @type {HTMLElement | null} */ (this.body.querySelector(':scope > .box:has(svg.graph)')); }
  /** + and − zoom a big graph. @param {KeyboardEvent} event */
  handleOwnKey(event) { return Boolean(this.drawing?.handleKey(event)); }
  /** The drawing as a standalone SVG document (text), or null before there is one. */
  toSVG() { this.drawing?.complete(); const drawing = this.drawingElement(); return drawing ? svgFile(drawing) : null; }
  /** The drawing as a PNG. */
  toPNG() { this.drawing?.complete(); const drawing = this.drawingElement(); return drawing ? pngFile(drawing) : Promise.reject(new Error('nothing drawn')); }

  // ---- life cycle ----------------------------------------------------------------------------------------------

  /** Re-reads expr and values, asks the engine, and redraws, keeping the step where it can. */
  update() {
    this.withEngine(loadEngine, (engine) => {
      const expr = String(this.attr('expr'));
      if (!this.formula || this.formulaText !== expr) {
        this.release();
        this.formula = null;
        this.formula = this.own(engine.compile(expr));
        this.formulaText = expr;
        this.score.reset();
      }
      const report = this.formula.evaluate(/** @type {Record<string, string>} */ (this.attr('values')));
      // The same formula at new values has the same graph: keep the drawing (a layout is the costly part) and the step.
      const sameShape = this.drawing !== null && this.report !== null && this.report.formula === report.formula &&
        this.report.forward.length + this.report.backward.length === report.forward.length + report.backward.length;
      this.engine = engine;
      this.report = report;
      this.steps = stepsOf(report);
      if (sameShape) this.drawing?.setReport(report);
      else this.draw();
      this.showWarnings();
      this.go(sameShape ? this.position : this.stepFromAttribute(), { quiet: true });
      this.emit('bp-graph-ready', { nodes: report.nodes.length, steps: this.steps.length });
    });
  }

  /** The step `at` (or `step`) names; a place the graph does not have is reported below the drawing. */
  stepFromAttribute() {
    if (!this.report) return 0;
    const text = this.getAttribute('at') ?? this.getAttribute('step') ?? 'start';
    const position = positionOf(this.report, this.steps, text);
    if (position === null) {
      this.warnings?.append(el('p', { class: 'error' }, [this.say('graph.badAt', { at: text })]));
      return 0;
    }
    return position;
  }

  // ---- drawing -------------------------------------------------------------------------------------------------

  drawingElement() { return /** @type {SVGSVGElement | null} */ (this.body?.querySelector('svg.graph') ?? null); }

  /** A malformed formula or value: the message with its column (above the last good graph), and an event. @param {Error & {position?: number|null}} error */
  showError(error) {
    this.report = null;
    this.drawing = null;
    this.steps = [];
    this.position = 0;
    const message = error.position == null ? error.message : this.say('graph.errorAt', { message: error.message, position: error.position });
    const alert = this.box([el('p', { class: 'error', role: 'alert' }, [this.say('graph.error', { message })])]);
    // The last graph that worked stays in view, dimmed, inert and marked out of date, so the learner keeps their
    // bearings while fixing the formula.
    this.showOverStale(alert, this.say('graph.stale'));
    this.emit('bp-graph-error', { message: error.message, position: error.position ?? null });
  }

  draw() {
    const report = /** @type {Report} */ (this.report);
    const body = this.body;
    if (report.nodes.length > MAX_DRAWN_NODES) {
      const text = this.say('graph.tooBig', { n: report.nodes.length, max: MAX_DRAWN_NODES, value: formatNumber(report.value) });
      body.replaceChildren(el('div', { class: 'box' }, [el('p', { class: 'error', role: 'alert' }, [text])]));
      this.drawing = null;
      return;
    }
    this.drawing?.destroy();
    this.drawing = createGraphView(report, { label: this.say('graph.region', { formula: report.formula }), say: (key) => this.say(key) });
    this.panel = el('div', { class: 'panel' });
    const toolbar = this.stepperToolbar('graph', report.formula);  // "Quiz me" is a switch, the whole button its target
    this.warnings = el('div', { class: 'warnings' });
    body.replaceChildren(el('div', { class: 'box' }, [toolbar, el('div', { class: 'drawing' }, [this.drawing.element]),
      el('p', { class: 'legend muted' }, [this.say('graph.legend'), ' ', this.say('graph.keys')]), this.warnings,
      this.panel]));
    this.showStale(this.say('graph.stale'));
  }

  /** The engine's warnings (a NaN or an infinity, and the node where it starts). */
  showWarnings() {
    this.warnings?.replaceChildren(...(this.report?.warnings ?? []).map((w) =>
      el('p', { class: 'error' }, [this.say('graph.warning', { message: w.message })])));
  }

  /** Moves to step `n` (clamped) and shows it. @param {number} n @param {{quiet?: boolean}} [options] */
  go(n, options = {}) {
    if (!this.report) return;
    const target = Math.max(0, Math.min(this.steps.length, Math.trunc(n) || 0));
    if (this.quiz && !options.quiet) this.skipQuestions(this.position, target);
    this.position = target;
    this.render(options);
  }

  /** In quiz mode, stepping past unanswered questions counts them as shown (answered ones keep their score). @param {number} from @param {number} to */
  skipQuestions(from, to) {
    for (let s = from; s < to; s++) {
      const step = this.steps[s];
      const count = step.kind === 'backward' && step.backward.kind === 'chain' ? step.backward.inputs.length : 1;
      for (let i = 0; i < count; i++) this.score.record(`${s}:${i}`, 'shown');
    }
  }

  /** Shows the current step: the drawing's state, the buttons, the panel, the narration. @param {{quiet?: boolean, message?: string}} [options] */
  render(options = {}) {
    if (!this.report || !this.drawing || !this.panel) return;
    const report = this.report;
    const n = this.position;
    const total = this.steps.length;
    const say = this.say.bind(this);
    const state = stateAt(report, this.steps, n);
    const asked = this.quiz && n < total ? this.steps[n] : null;
    this.drawing.update(state, (grad, path, paths, done, compact) =>
      done ? say('graph.total', { total: formatNumber(grad) }) : say(compact ? 'graph.partialShort' : 'graph.partial', { total: formatNumber(grad), path, paths }),
    asked);
    this.showToolbar(say('graph.counter', { n, total }));

    const parts = [];
    let narration;
    if (state.current) {
      const description = describeStep(report, state.current, say);
      const phase = say(state.current.kind === 'forward' ? 'graph.forward' : 'graph.backward');
      parts.push(el('p', { class: 'phase' }, [phase]));
      parts.push(el('div', { class: 'equations' }, description.equations.map((tex) => this.tex(tex, true))));
      if (description.notes.length) parts.push(el('ul', { class: 'notes' }, description.notes.map((note) => el('li', {}, [note]))));
      narration = description.narration;
    } else {
      parts.push(el('p', { class: 'message' }, [say('graph.start')]));
      narration = say('graph.say.reset');
    }
    if (options.message) parts.push(el('p', { class: 'message correct' }, [options.message]));
    if (n === total) {
      parts.push(el('p', { class: 'message' }, [say('graph.done')]));
      narration = `${narration} ${say('graph.say.all', { value: formatNumber(report.value) })}`;
    }
    /** @type {ReturnType<typeof quizForm> | null} */
    let form = null;
    if (this.quiz && n < total) {
      form = this.questionForm(state);
      parts.push(form.form);
    }
    if (this.quiz && n === total && this.score.outcomes.size > 0) parts.push(this.scoreLine());
    this.panel.replaceChildren(...parts);
    this.narrate(narration);
    this.follow();
    if (form && options.message !== undefined) form.focus();
    if (!options.quiet) {
      this.emit('bp-graph-change', { step: n, steps: total, quiz: this.quiz });
    }
  }

  /** Keeps the current node in view when the drawing pans (a big graph). */
  follow() {
    this.drawing?.follow();
  }

  /** The question form for the step about to be revealed. @param {import('./timeline.js').StepState} before */
  questionForm(before) {
    const report = /** @type {Report} */ (this.report);
    const n = this.position;
    return quizForm({
      questions: questionsOf(report, this.steps[n], before, this.say.bind(this)),
      stepKey: String(n),
      score: this.score,
      say: this.say.bind(this),
      grade: (text, question) => {
        const engine = /** @type {NonNullable<typeof this.engine>} */ (this.engine);
        return question.parts ? engine.checkChainAnswer(text, question.parts) : engine.checkAnswer(text, question.answer);
      },
      renderTex: (tex) => this.tex(tex, true),
      renderMixed: (items) => el('span', { class: 'hint' }, items.map((item) =>
        typeof item === 'string' && item.startsWith('\\(') ? this.tex(item.slice(2, -2), false) : el('span', {}, [item]))),
      onDone: (message) => {
        this.position = Math.min(this.steps.length, n + 1);
        this.render({ message });
      },
    });
  }

  scoreLine() {
    const first = this.score.count('first');
    const hinted = this.score.count('hinted');
    const shown = this.score.count('shown');
    const total = first + hinted + shown;
    const text = first === total ? this.say('graph.quiz.perfect', { total }) : this.say('graph.quiz.score', { first, hinted, shown, total });
    const again = this.button(this.say('graph.quiz.again'), () => this.reset(), { quiet: true });
    return el('p', { class: 'score', role: 'status' }, [text, ' ', again]);
  }

  /** KaTeX into an element (DOM with CSSOM styles, so it works under a strict CSP). @param {string} tex @param {boolean} display */
  tex(tex, display) {
    return texNode(tex, display);
  }
}

defineWidget(BpGraph);
