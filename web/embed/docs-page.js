// The embed docs page's script: writes one section per widget from the widgets' declarations, their docs filled in
// from the engine's capabilities (summary, attribute table, events, an editable snippet with its live preview),
// fills in this site's address in the snippets, copies a snippet on "Copy", and re-creates each preview from its
// snippet. The edited text is data: a small reader picks out the tag and attributes (no HTML parser sees it), and
// only the widget's declared attributes are set, with setAttribute, on a fresh element. Not part of the bundle: a
// page script like a blogger's own. It also starts the site's shell (the docs are in English).
import { widgetDocs } from './backprop-tutor.js';
import { startShell } from '../shell/shell.js';

startShell();

/** @typedef {import('../src/widgets/base/declaration.js').WidgetDeclaration} WidgetDeclaration */

/** @param {string} tag @param {Record<string, string>} [attributes] @param {(Node|string)[]} [children] */
function node(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
const code = (/** @type {string} */ text) => node('code', {}, [text]);

/** One widget's section, from its declaration. @param {WidgetDeclaration} declaration */
function section(declaration) {
  const { tag } = declaration;
  const rows = declaration.attributes.map((attribute) => node('tr', {}, [
    node('td', {}, [code(attribute.name)]),
    node('td', {}, [attribute.type === 'enum' ? (attribute.values ?? []).join(' | ') : attribute.type]),
    node('td', {}, attribute.default ? [code(attribute.default)] : []),
    node('td', {}, [attribute.doc])]));
  const table = node('div', { class: 'table-scroll' }, [node('table', {}, [
    node('tr', {}, ['attribute', 'type', 'default', 'meaning'].map((head) => node('th', {}, [head]))), ...rows])]);
  const events = declaration.events?.length
    ? [node('p', {}, ['Events: ', ...declaration.events.flatMap((event, i) => [i ? '; ' : '', code(event.name), ` ${event.detail}: ${event.doc}`])])]
    : [];
  const area = /** @type {HTMLTextAreaElement} */ (node('textarea', { 'aria-label': `${tag} snippet`, spellcheck: 'false' }));
  area.value = `<${tag} ${declaration.example}></${tag}>`;
  const snippet = node('div', { class: 'snippet', 'data-tag': tag }, [area,
    node('div', { class: 'snippet-bar' }, [node('button', { type: 'button', class: 'copy' }, ['Copy']), node('span', { class: 'status muted', 'aria-live': 'polite' })]),
    node('div', { class: 'preview' })]);
  return node('section', { id: tag }, [node('h3', {}, [code(`<${tag}>`)]), node('p', {}, [declaration.summary]), table, ...events, snippet]);
}

/** @type {readonly WidgetDeclaration[]} */
const declarations = await widgetDocs();
const known = new Map(declarations.map((declaration) => [declaration.tag, declaration.attributes.map((attribute) => attribute.name).concat('lang')]));
document.getElementById('widget-docs')?.replaceChildren(...declarations.map(section));
document.getElementById('widget-index')?.replaceChildren(node('ul', { class: 'widget-index' },
  declarations.map(({ tag }) => node('li', {}, [node('a', { href: `#${tag}` }, [code(`<${tag}>`)])]))));

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
  const element = document.createElement(tag);
  for (const [, rawName, double, single] of whole[2].matchAll(/([a-z][a-z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/gi)) {
    const name = rawName.toLowerCase();
    const names = known.get(tag) ?? [];
    if (!names.includes(name)) return { message: `<${tag}> has no attribute “${name}” (known: ${names.join(', ')}).` };
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
