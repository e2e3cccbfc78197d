// @ts-check
// The one list of widgets: every web/src/widgets/bp-NAME/bp-NAME.js is a widget whose tag is bp-NAME, found by
// the build (a glob), so adding a widget adds no line anywhere else. The lesson pages, the embed bundle (and its
// engine prefetch), the iframe form and the embed docs page all read it; each widget's interface comes from its
// class's declaration (base/declaration.js). Loading only: nothing here draws.

// @ts-ignore: Vite's import.meta.glob (lazy: a page loads only the widgets it holds)
const modules = /** @type {Record<string, () => Promise<unknown>>} */ (import.meta.glob('./bp-*/bp-*.js'));

/** tag -> loader, for the files whose name matches their folder (bp-graph/bp-graph.js). */
const loaders = new Map(Object.entries(modules).flatMap(([file, load]) => {
  const match = /^\.\/(bp-[a-z0-9-]+)\/\1\.js$/.exec(file);
  return match ? [[match[1], load]] : [];
}));

/** Every widget tag, sorted. */
export const WIDGET_TAGS = Object.freeze([...loaders.keys()].sort());

/** @typedef {typeof import('./base/bp-element.js').BpElement} WidgetClass */

/**
 * Loads (and so, in a browser, defines) one widget; resolves to its class, the module's export that declares the
 * tag (so build tools can read declarations without a DOM). @param {string} tag @returns {Promise<WidgetClass>}
 */
export async function loadWidget(tag) {
  const load = loaders.get(tag);
  if (!load) throw new Error(`no widget <${tag}>`);
  const exports = /** @type {Record<string, unknown>} */ (await load());
  const widget = Object.values(exports).find((value) =>
    typeof value === 'function' && /** @type {Partial<WidgetClass>} */ (value).declaration?.tag === tag);
  if (!widget) throw new Error(`${tag}: its module exports no class declaring it`);
  return /** @type {WidgetClass} */ (widget);
}

/** Loads every widget; resolves to their classes, in tag order. */
export const loadAllWidgets = () => Promise.all(WIDGET_TAGS.map(loadWidget));

/** Loads the widgets that `root` holds now. @param {ParentNode} root */
export function loadWidgetsIn(root) {
  return Promise.all(WIDGET_TAGS.filter((tag) => root.querySelector(tag)).map(loadWidget));
}

/** The declarations of every widget (loads them all): for docs and the iframe form. */
export async function widgetDeclarations() {
  return (await loadAllWidgets()).map((widget) => widget.declaration);
}
