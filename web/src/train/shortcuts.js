// @ts-check
// The training page's keys: Space plays or pauses, S steps, R resets, unless the learner is typing or is on a
// control that uses the key itself. Each key presses the page's own button, so the two can never disagree.

/** @param {{play: HTMLElement, step: HTMLElement, reset: HTMLElement}} buttons */
export function bindShortcuts(buttons) {
  document.addEventListener('keydown', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, select, textarea, button, a, summary')) return;
    const key = event.key.toLowerCase();
    if (key === ' ') { event.preventDefault(); buttons.play.click(); } else if (key === 's') buttons.step.click();
    else if (key === 'r') buttons.reset.click();
  });
}
