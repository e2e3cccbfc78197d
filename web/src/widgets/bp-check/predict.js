// @ts-check
// bp-check kind="predict": the learner types a value or gradient (arithmetic allowed, e.g. 2*1.1); the engine
// both knows the answer (`show`, as in <bp-num>) and measures the distance |guess − answer|, which must be within
// `tolerance` (default 0.006, so answers rounded to two decimals count).
import { pick, formatNumber } from '../lesson-kit/format.js';
import { el } from '../lesson-kit/kit.js';

/** @typedef {{host: import('../base/bp-element.js').BpElement, engine: ReturnType<typeof import('../../engine/engine.js').wrapEngine>,
 *   report: import('../../engine/engine.js').Report, area: HTMLElement,
 *   grade: (correct: boolean, message: string) => void, note: (message: string) => void}} CheckContext */

/** @param {CheckContext} c */
export function buildPredict({ host, engine, report, area, grade, note }) {
  const answer = pick(report, String(host.attr('show')));
  const tolerance = Number(host.attr('tolerance'));
  const shown = formatNumber(answer, Number(host.attr('digits')));
  const input = el('input', { type: 'text', inputMode: 'decimal', autocomplete: 'off', spellcheck: false, id: 'guess' });
  const label = el('label', { for: 'guess' }, [host.say('check.answerLabel')]);
  const submit = el('button', { type: 'submit' }, [host.say('check.submit')]);
  const reveal = el('button', { type: 'button', class: 'quiet', hidden: true }, [host.say('check.reveal')]);
  const form = el('form', { class: 'row' }, [label, input, submit, reveal]);
  let misses = 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const guess = input.value.trim().replace(/−/g, '-').replace(/，/g, '.');
    if (!guess) return note(host.say('check.notNumber'));
    let distance;
    try {
      distance = engine.grad(`abs((${guess}) - bp_answer_)`, { bp_answer_: answer }).value;
    } catch {
      return note(host.say('check.notNumber'));
    }
    if (distance <= tolerance) {
      grade(true, host.say('check.correct', { answer: shown }));
    } else {
      misses += 1;
      if (misses >= 2) reveal.hidden = false;
      grade(false, host.say('check.wrong'));
    }
  });
  reveal.addEventListener('click', () => note(host.say('check.revealed', { answer: shown })));
  area.append(form);
}
