// @ts-check
// The tensor stepper's quiz: before a step is revealed, the learner predicts the shape of what it computes, then
// its first entry. The engine grades both (a shape read from "3×4", "3x4", "(3, 4)"; a number with the formula
// grammar) and names the usual slip, the transpose; "Show me" reveals instead. `onDone` moves on.
import { formatNumber } from '../lesson-kit/format.js';
import { el, texNode } from '../lesson-kit/kit.js';

/** @typedef {import('../../engine/network.js').Step} Step */
/** @typedef {ReturnType<import('../../engine/network.js').wrapNetwork>} NetworkApi */
/** @typedef {(key: string, params?: Record<string, string|number>) => string} Say */

/** First-try answers over questions asked, for the closing line. */
export class TensorScore {
  first = 0;
  asked = 0;
  reset() { this.first = 0; this.asked = 0; }
}

/**
 * The two questions about `step` as a form.
 * @param {{step: Step, network: NetworkApi, say: Say, score: TensorScore, button: (label: string, action: () => void) => HTMLButtonElement,
 *   onDone: () => void}} options
 */
export function quizForm({ step, network, say, score, button, onDone }) {
  const rule = step.rules[0];
  const target = step.matrices.find((m) => m.name === rule.target) ?? step.matrices[step.matrices.length - 1];
  const shape = target.grid ? [target.shape[0], ...target.grid] : target.shape;
  const entryTex = `${target.latex.includes('^') ? `{${target.latex}}` : target.latex}_{11}`;
  const answer = target.rows[0][0];
  const questions = [
    { prompt: [say('tensor.quiz.shape', { name: '\u2062' })], tex: target.latex, grade: (/** @type {string} */ text) => {
      const verdict = network.checkShape(text, shape);
      if (verdict.correct) return { correct: true, message: say('tensor.quiz.right') };
      return { correct: false, message: verdict.slip === 'transpose' ? say('tensor.quiz.transpose', { name: target.name, shape: shape.join('×') }) : say('tensor.quiz.wrong') };
    }, reveal: () => say('tensor.quiz.shapeWas', { shape: shape.join('×') }) },
    { prompt: [say('tensor.quiz.entry', { entry: '\u2062' })], tex: entryTex, grade: (/** @type {string} */ text) => {
      const verdict = network.checkEntry(text, answer);
      return { correct: verdict.correct, message: say(verdict.correct ? 'tensor.quiz.right' : 'tensor.quiz.wrong') };
    }, reveal: () => say('tensor.quiz.entryWas', { value: formatNumber(answer, 6) }) },
  ];
  let index = 0;
  let tries = 0;
  const form = el('form', { class: 'quiz' });
  const feedback = el('p', { class: 'feedback', role: 'status' });
  const input = el('input', { type: 'text', inputMode: 'text', autocomplete: 'off', spellcheck: false, class: 'answer' });
  const label = el('label', { class: 'question' });
  const ask = () => {
    const q = questions[index];
    // The prompt's placeholder (an invisible separator) is where the KaTeX name goes.
    const [before, after] = q.prompt[0].split('\u2062');
    label.replaceChildren(before, texNode(q.tex, false), after, ' ', input);
    input.value = '';
    tries = 0;
  };
  const advance = () => {
    index++;
    if (index < questions.length) ask();
    else onDone();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let verdict;
    try {
      verdict = questions[index].grade(input.value);
    } catch (error) {
      verdict = { correct: false, message: String(/** @type {Error} */ (error).message) };
    }
    feedback.textContent = verdict.message;
    feedback.className = `feedback ${verdict.correct ? 'correct' : 'wrong'}`;
    if (!verdict.correct) {
      tries++;
      return;
    }
    score.asked++;
    if (tries === 0) score.first++;
    advance();
  });
  const show = button(say('tensor.quiz.show'), () => {
    feedback.textContent = questions[index].reveal();
    feedback.className = 'feedback';
    score.asked++;
    advance();
  });
  form.append(label, el('div', { class: 'quiz-actions' }, [el('button', { type: 'submit', class: 'btn' }, [say('tensor.quiz.check')]), show]), feedback);
  ask();
  return { form, focus: () => input.focus() };
}
