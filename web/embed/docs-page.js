// The embed docs page's script: fills in this site's address in the snippets, copies a snippet on "Copy", and
// re-creates each live preview from its (editable) snippet. The edited text is data: it is parsed by DOMParser
// (which runs nothing), and only the expected element's known attributes are copied, with setAttribute, onto a
// fresh element. Not part of the bundle: a page script like a blogger's own.
import './backprop-tutor.js';

const bundleUrl = new URL('./backprop-tutor.js', import.meta.url).href;
const frameUrl = new URL('../embed.html', import.meta.url).href;
for (const node of document.querySelectorAll('[data-fill="bundle"]')) node.textContent = node.textContent.replace('BUNDLE_URL', bundleUrl);
for (const node of document.querySelectorAll('[data-fill="frame"]')) node.textContent = node.textContent.replace('FRAME_URL', frameUrl);
for (const area of document.querySelectorAll('textarea[data-fill]')) area.value = area.value.replace('BUNDLE_URL', bundleUrl).replace('FRAME_URL', frameUrl);

/** The snippet's first element, rebuilt from known attributes only; or a message saying what is wrong. */
function elementFrom(text, tag) {
  const parsed = new DOMParser().parseFromString(text, 'text/html').body.firstElementChild;
  if (!parsed || parsed.localName !== tag) return { message: `Expected one <${tag}> element.` };
  const known = [...(customElements.get(tag)?.observedAttributes ?? []), 'autoplay', 'display'];
  const element = document.createElement(tag);
  for (const { name, value } of parsed.attributes) {
    if (!known.includes(name)) return { message: `<${tag}> has no attribute “${name}” (known: ${known.join(', ')}).` };
    element.setAttribute(name, value);
  }
  return { element };
}

for (const snippet of document.querySelectorAll('.snippet')) {
  const tag = snippet.dataset.tag;
  const area = snippet.querySelector('textarea');
  const preview = snippet.querySelector('.preview');
  const status = snippet.querySelector('.status');
  const copy = snippet.querySelector('button.copy');
  const show = () => {
    if (!tag || !preview) return;
    const { element, message } = elementFrom(area.value, tag);
    status.textContent = message ?? '';
    status.className = message ? 'status error' : 'status muted';
    if (element) preview.replaceChildren(element);
  };
  let timer = 0;
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
