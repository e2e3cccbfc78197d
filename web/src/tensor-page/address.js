// @ts-check
// Keeps the share link and the address bar on the state shown. The link follows every change at once; the address
// bar a moment later, once a run of changes (a held arrow key stepping the widget) pauses, because browsers
// rate-limit history.replaceState; leaving the page writes whatever is still pending.

const DELAY_MS = 250;

/**
 * @template S
 * @param {HTMLInputElement} shareLink the read-only field holding the link @param {(state: S) => URL} toUrl
 * @returns {{write: (state: S) => void}}
 */
export function createAddressWriter(shareLink, toUrl) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const flush = () => {
    clearTimeout(timer);
    if (shareLink.value && shareLink.value !== location.href) history.replaceState(history.state, '', shareLink.value);
  };
  addEventListener('pagehide', flush);
  return {
    write(state) {
      shareLink.value = toUrl(state).href;
      clearTimeout(timer);
      timer = setTimeout(flush, DELAY_MS);
    },
  };
}
