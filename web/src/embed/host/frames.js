// For pages that embed the iframe form (/embed.html?widget=...): sizes each such iframe to its widget. One line on
// the host page: <script src=".../frames.js" defer></script>. It only accepts a "backprop-tutor:resize" message
// from the window of one of the page's own iframes, sent from that iframe's origin, with a sane height; it sets
// nothing but that iframe's height (through the CSSOM, which a strict style-src allows). A classic script: no CORS.
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'backprop-tutor:resize' || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== event.source) continue;
    let origin = '';
    try { origin = new URL(frame.src, location.href).origin; } catch { return; }
    if (origin !== event.origin) return;
    frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), 80), 4000)}px`;
    return;
  }
});
