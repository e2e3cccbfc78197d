// The one-tag way in for hosts that add classic scripts only, or that want a message instead of a blank box when
// the bundle cannot load: <script src=".../backprop-tutor@VERSION/loader.js" defer></script>. It imports the ES
// module beside it; if that fails it tells why (most often: the bundle's host sends no CORS header for this page)
// inside every widget on the page, as text. It diagnoses only; the bundle does the work.
(() => {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const bundle = new URL('./backprop-tutor.js', script && script.src ? script.src : location.href).href;
  const show = (/** @type {string} */ text) => {
    console.error(`backprop-tutor: ${text}`);
    const widgets = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('bp-') && !customElements.get(el.localName));
    for (const widget of widgets) {
      const note = document.createElement('p');
      note.setAttribute('role', 'alert');
      note.className = 'bp-load-error';
      note.textContent = text;
      widget.replaceChildren(note);
    }
  };
  const diagnose = async () => {
    const origin = new URL(bundle).origin;
    if (origin === location.origin) return `could not load ${bundle}: check that the file exists and is served as JavaScript.`;
    try {
      await fetch(bundle, { mode: 'cors', cache: 'no-store' });
      return `could not load ${bundle} (check this page's Content-Security-Policy: script-src and connect-src must allow ${origin}).`;
    } catch {
      return `could not load ${bundle}: the server at ${origin} does not send CORS headers (Access-Control-Allow-Origin) `
        + `for this page's origin ${location.origin}, or this page's Content-Security-Policy does not allow ${origin} in `
        + 'script-src and connect-src. Ask the host to send Access-Control-Allow-Origin, or self-host the package.';
    }
  };
  const whenParsed = () => new Promise((resolve) => document.readyState === 'loading'
    ? document.addEventListener('DOMContentLoaded', resolve, { once: true }) : resolve(undefined));
  import(bundle).catch(() => Promise.all([diagnose(), whenParsed()]).then(([text]) => show(text)));
})();
