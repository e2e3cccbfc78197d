// @ts-check
// Quiz mode: before a step is revealed the learner types its number — the node's value going forward, the input's
// gradient after this step going back. The engine grades each answer (relative 1e-3). A first miss shows a hint (the
// op's local rule), a second shows the answer worked out; the score is kept per step, so going back and forth
// never counts a step twice.
import { formatNumber } from '../lesson-kit/format.js';
import { el } from '../lesson-kit/kit.js';

/** @typedef {import('../../engine/engine.js').Report} Report */
/** @typedef {import('./timeline.js').Step} Step */
/** @typedef {import('./timeline.js').StepState} StepState */
/** @typedef {(key: string, params?: Record<string, string|number>) => string} Say */
/** @typedef {'first'|'hinted'|'shown'} Outcome */
/** @typedef {{upstream: number, local: number, contribution: number, before: number, total: number}} ChainParts */
/**
 * A question, its answer, the hint after a first miss, the worked answer after a second, and, for a gradient,
 * the edge's numbers, with which the engine names the slip a wrong answer matches.
 * @typedef {{label: string, answer: number, hint: (Node|string)[], reveal: string[], parts?: ChainParts}} Question
 * @typedef {{correct: boolean, guess: number, slip?: string}} Grade
 */

/**
 * The questions of one step: one for a forward step or the seed, one per input for a backward step.
 * @param {Report} report @param {Step} step @param {StepState} before the state before this step @param {Say} say
 * @returns {Question[]}
 */
export function questionsOf(report, step, before, say) {
  const node = report.nodes[step.node];
  const out = report.nodes[report.output].name;
  if (step.kind === 'forward') {
    return [{ label: say('graph.quiz.forward', { name: node.name }), answer: node.value,
      hint: [say('graph.quiz.wrongForward'), `\\(${step.forward.rule_latex}\\)`], reveal: [step.forward.latex] }];
  }
  const backward = step.backward;
  if (backward.kind === 'seed') {
    return [{ label: say('graph.quiz.seed', { out }), answer: backward.upstream, hint: [say('graph.quiz.seedHint')],
      reveal: [backward.latex ?? ''] }];
  }
  return backward.inputs.map((edge) => {
    const input = report.nodes[edge.node].name;
    const hint = [say('graph.quiz.wrong'), `\\(${edge.rule_latex}\\)`,
      say('graph.quiz.wrongUpstream', { upstream: formatNumber(backward.upstream) })];
    const previous = before.grad.get(edge.node);
    if (edge.path > 1 && previous !== undefined) {
      hint.push(say('graph.quiz.addsTo', { path: edge.path, paths: edge.paths, input, previous: formatNumber(previous) }));
    }
    const parts = { upstream: backward.upstream, local: edge.local, contribution: edge.contribution,
      before: edge.path > 1 ? previous ?? 0 : 0, total: edge.total };
    return { label: say('graph.quiz.edge', { out, input }), answer: edge.total, hint, parts,
      reveal: edge.total_latex ? [edge.latex, edge.total_latex] : [edge.latex] };
  });
}

/**
 * Keeps the score: one outcome per question, recorded once.
 */
export class QuizScore {
  constructor() {
    /** @type {Map<string, Outcome>} */
    this.outcomes = new Map();
  }

  /** @param {string} key @param {Outcome} outcome */
  record(key, outcome) {
    if (!this.outcomes.has(key)) this.outcomes.set(key, outcome);
  }

  /** @param {Outcome} outcome */
  count(outcome) {
    let n = 0;
    for (const value of this.outcomes.values()) n += value === outcome ? 1 : 0;
    return n;
  }

  reset() {
    this.outcomes.clear();
  }
}

/**
 * The form for one step's questions. `grade(text, answer)` asks the engine; `renderTex(text, into)` renders a
 * hint or an answer; `onDone()` runs when every question is answered or shown.
 * @param {{questions: Question[], stepKey: string, score: QuizScore, say: Say,
 *   grade: (text: string, question: Question) => Grade, renderMixed: (parts: (Node|string)[]) => HTMLElement,
 *   renderTex: (tex: string) => HTMLElement, onDone: (message: string) => void}} options
 */
export function quizForm({ questions, stepKey, score, say, grade, renderMixed, renderTex, onDone }) {
  const form = el('form', { class: 'quiz', noValidate: true });
  const fields = questions.map((question, i) => {
    const id = `answer-${stepKey}-${i}`;
    const input = el('input', { type: 'text', id, inputMode: 'decimal', autocomplete: 'off', spellcheck: false });
    const feedback = el('div', { class: 'feedback', 'aria-live': 'polite' });
    const row = el('div', { class: 'question' }, [el('label', { for: id }, [question.label]), input, feedback]);
    form.append(row);
    return { question, input, feedback, misses: 0, done: false, key: `${stepKey}:${i}` };
  });
  const check = el('button', { type: 'submit' }, [say('graph.quiz.check')]);
  form.append(check);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const field of fields) {
      if (field.done) continue;
      const text = field.input.value.trim().replace(/−/g, '-');
      if (!text) continue;
      let result;
      try {
        result = grade(text, field.question);
      } catch (error) {
        field.feedback.replaceChildren(el('span', { class: 'wrong' }, [say('graph.quiz.notNumber', { message: /** @type {Error} */ (error).message })]));
        continue;
      }
      if (result.correct) {
        field.done = true;
        score.record(field.key, field.misses ? 'hinted' : 'first');
        field.feedback.replaceChildren(el('span', { class: 'correct' }, [say(field.misses ? 'graph.quiz.rightAfterHint' : 'graph.quiz.right')]));
      } else if (++field.misses === 1) {
        field.feedback.replaceChildren(renderMixed([...teach(field.question, result, say), ...field.question.hint]));
      } else {
        field.done = true;
        score.record(field.key, 'shown');
        field.feedback.replaceChildren(el('span', {}, [say('graph.quiz.reveal')]), ...field.question.reveal.map(renderTex));
      }
      field.input.disabled = field.done;
    }
    const open = fields.find((field) => !field.done);
    if (open) {
      open.input.focus();
    } else {
      const missed = fields.some((field) => field.misses > 0);
      onDone(missed ? '' : say('graph.quiz.right'));
    }
  });
  return { form, focus: () => fields.find((field) => !field.done)?.input.focus() };
}

/**
 * The learner's own numbers worked through before the hint: "upstream −4 × local 1 = −4; you typed 4: check the
 * sign". The slip is the engine's diagnosis; the numbers are the engine's. @param {Question} question
 * @param {Grade} result @param {Say} say @returns {string[]}
 */
function teach(question, result, say) {
  const parts = question.parts;
  if (!parts) return [];
  const numbers = { upstream: formatNumber(parts.upstream), local: formatNumber(parts.local),
    contribution: formatNumber(parts.contribution), before: formatNumber(parts.before), total: formatNumber(parts.total),
    typed: formatNumber(result.guess) };
  return [say('graph.quiz.teach', numbers), say(`graph.quiz.slip.${result.slip ?? 'none'}`, numbers)];
}
