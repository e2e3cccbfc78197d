// The embed docs page's script: fills in this site's address in the snippets, copies a snippet on "Copy", and
// re-creates each live preview from its (editable) snippet. The edited text is data: a small reader picks out the
// tag and attributes (no HTML parser sees it), and only the expected element's known attributes are set, with
// setAttribute, on a fresh element. Not part of the bundle: a page script like a blogger's own.
import './backprop-tutor.js';

const bundleUrl = new URL('./backprop-tutor.js', import.meta.url).href;
const frameUrl = new URL('../embed.html', import.meta.url).href;
for (const node of document.querySelectorAll('[data-fill="bundle"]')) node.textContent = node.textContent.replace('BUNDLE_URL', bundleUrl);
for (const node of document.querySelectorAll('[data-fill="frame"]')) node.textContent = node.textContent.replace('FRAME_URL', frameUrl);
for (const area of /** @type {NodeListOf<HTMLTextAreaElement>} */ (document.querySelectorAll('textarea[data-fill]'))) area.value = area.value.replace('BUNDLE_URL', bundleUrl).replace('FRAME_URL', frameUrl);

/** @type {Record<string, string>} */
const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (/** @type {string} */ text) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);

/**
 * The snippet as one fresh element, or a message saying what is wrong. A deliberately small reader of
 * `<tag name="value" ...></tag>` rather than an HTML parser: nothing in the text is ever parsed as markup.
 * @param {string} text @param {string} tag @returns {{element?: HTMLElement, message?: string}}
 */
function elementFrom(text, tag) {
  const whole = /^\s*<([a-z][a-z0-9-]*)((?:\s+[a-z][a-z0-9-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*>\s*(?:<\/\1>)?\s*$/i.exec(text);
  if (!whole || whole[1].toLowerCase() !== tag) return { message: `Expected one <${tag} ...></${tag}> element.` };
  const widget = /** @type {{observedAttributes?: string[]} | undefined} */ (customElements.get(tag));
  const known = [...(widget?.observedAttributes ?? []), 'autoplay', 'display'];
  const element = document.createElement(tag);
  for (const [, rawName, double, single] of whole[2].matchAll(/([a-z][a-z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/gi)) {
    const name = rawName.toLowerCase();
    if (!known.includes(name)) return { message: `<${tag}> has no attribute “${name}” (known: ${known.join(', ')}).` };
    element.setAttribute(name, decode(double ?? single ?? ''));
  }
  return { element };
}

for (const snippet of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.snippet'))) {
  const tag = snippet.dataset.tag;
  // Every snippet has its text box and status line (embed-docs.html); only live ones have a preview.
  const area = /** @type {HTMLTextAreaElement} */ (snippet.querySelector('textarea'));
  const preview = snippet.querySelector('.preview');
  const status = /** @type {HTMLElement} */ (snippet.querySelector('.status'));
  const copy = snippet.querySelector('button.copy');
  const show = () => {
    if (!tag || !preview) return;
    const { element, message } = elementFrom(area.value, tag);
    status.textContent = message ?? '';
    status.className = message ? 'status error' : 'status muted';
    if (element) preview.replaceChildren(element);
  };
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  if (tag) area.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(show, 250); });
  copy?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(area.value);
      status.textContent = 'Copied.';
    } catch {
      area.select();
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
  show();
}
