// @ts-check
// The divergence box of the training page: the engine's diagnosis of a run that blew up (which step, which value,
// why) and the restart button at the engine's suggested smaller rate. Display only: every number is the engine's.
import { show } from './sample-panel.js';

/**
 * Shows `d` in the page's box (hidden when null).
 * @param {import('../protocol.js').Divergence | null} d
 * @param {number} lr the learning rate the run used
 * @param {(key: string, params?: Record<string, string | number>) => string} t the page's translator
 */
export function showDivergence(d, lr, t) {
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const box = $('divergence');
  box.hidden = !d;
  if (!d) return;
  $('divergence-what').textContent = d.reason === 'loss_not_finite'
    ? t('train.diverged.loss', { step: d.step, loss: show(d.loss), lr })
    : t('train.diverged.weights', { step: d.step, weight: show(d.max_weight), loss: show(d.loss), guess: show(d.guess_loss), lr });
  $('divergence-why').textContent = t('train.diverged.why', { z: show(d.max_preactivation), flat: Math.round(d.flat_units * 100) });
  const restartButton = $('restart');
  restartButton.textContent = t('train.diverged.restart', { lr: d.suggested_lr });
  restartButton.dataset.lr = String(d.suggested_lr);
}
