// @ts-check
// Which modules the embed bundle's shared widget chunk holds, derived from the widget declarations and the module
// graph rather than listed: every widget that does not declare `ownChunk` (the large ones, <bp-graph> and
// <bp-tensor-graph>, get a chunk each), and every module only those widgets import (their helpers, their strings),
// found once the build has read every module. A module the entry or a large widget also imports stays out: it
// belongs where they load it. Grouping only: nothing here changes a module.

/** A widget's main module: .../widgets/bp-NAME/bp-NAME.js, as the registry globs it. */
const WIDGET_MODULE = /[\\/]widgets[\\/](bp-[a-z0-9-]+)[\\/]\1\.js$/;

/**
 * A Vite plugin that finds the members, and the `test` of the code-splitting group that gathers them (called when
 * the chunks are made, after the build has ended).
 * @param {readonly import('../../widgets/base/declaration.js').WidgetDeclaration[]} declarations
 * @returns {{plugin: import('vite').Plugin, test: (id: string) => boolean}}
 */
export function sharedWidgetChunk(declarations) {
  const small = new Set(declarations.filter((declaration) => !declaration.ownChunk).map((declaration) => declaration.tag));
  /** @type {Set<string>} */
  const members = new Set();
  return {
    test: (id) => members.has(id),
    plugin: {
      name: 'bp-embed-widget-chunk',
      buildEnd() {
        members.clear();
        const ids = [...this.getModuleIds()];
        for (const id of ids) if (small.has(WIDGET_MODULE.exec(id)?.[1] ?? '')) members.add(id);
        if (members.size !== small.size) throw new Error(`the embed bundle found ${members.size} of the ${small.size} small widgets' modules`);
        // Grow to a fixed point: a module joins when everything that imports it has joined (a module loaded
        // dynamically, such as the engine's glue or KaTeX, keeps the chunk of its own it gets anyway).
        for (let grown = true; grown;) {
          grown = false;
          for (const id of ids) {
            const info = members.has(id) ? null : this.getModuleInfo(id);
            if (info && !info.isEntry && !info.dynamicImporters.length && info.importers.length
              && info.importers.every((importer) => members.has(importer))) {
              members.add(id);
              grown = true;
            }
          }
        }
      },
    },
  };
}
