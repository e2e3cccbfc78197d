// @ts-check
// "Backprop this batch": pauses training, asks the worker for today's network and the next minibatch's first rows
// (as many as the tensor stepper takes, from the engine's limits) as a `./tutor mlp` spec, and opens the matrix
// playground (tensor.html) on it in a new tab, so this run stays where it is. The spec travels in that page's hash.
import { withSpec } from '../tensor-page/url-state.js';

/**
 * @param {{button: HTMLElement, error: HTMLElement, client: ReturnType<typeof import('./client.js').createTrainClient>,
 *   rows: number, lang: () => string, say: (key: string, params?: Record<string, string>) => string}} parts
 */
export function startBatchLink({ button, error, client, rows, lang, say }) {
  button.addEventListener('click', async () => {
    client.pause();
    let spec;
    try {
      spec = await client.batchSpec(rows);
    } catch (e) {
      error.hidden = false;
      error.textContent = say('train.batchLink.error', { message: /** @type {Error} */ (e).message });
      return;
    }
    error.hidden = true;
    const url = new URL('tensor.html', location.href);
    url.searchParams.set('lang', lang());
    withSpec(url, JSON.stringify(spec));
    // A blocked pop-up: the same tab goes instead (the run's settings are in this page's address).
    if (!window.open(url.href, '_blank')) location.assign(url.href);
  });
}
