// @ts-check
// Shows a formula's error under the box: the engine's message and, when it names a column, the formula with a
// caret under that column (monospace, so the caret lines up). Text only, so any formula is shown as typed.

/** @param {{box: HTMLElement, text: HTMLElement, echo: HTMLElement, caret: HTMLElement}} parts */
export function createFormulaError({ box, text, echo, caret }) {
  return {
    /** @param {string} message already worded for the reader @param {string} formula @param {number|null} position */
    show(message, formula, position) {
      text.textContent = message;
      const pointed = position !== null && position <= formula.length;
      echo.textContent = pointed ? formula : '';
      caret.textContent = pointed ? `${' '.repeat(position)}^` : '';
      /** @type {HTMLElement} */ (echo.parentElement).hidden = !pointed;
      box.hidden = false;
    },
    hide() {
      box.hidden = true;
    },
  };
}
