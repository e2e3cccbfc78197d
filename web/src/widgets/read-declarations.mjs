// @ts-check
// Reads every widget's declaration in node, without a browser: Vite's SSR module loader runs the registry with a
// tiny HTMLElement shim (the widget classes only need something to extend; nothing is constructed or defined).
// The build files read the widgets here: the lesson pages (which widgets are figures), the embed bundle (its
// chunks, its engine prefetch) and the package (custom-elements.json, the .d.ts). Reading only: writes nothing.
import { createServer } from 'vite';

/** @param {{webDir: string, wasmDir: string}} dirs @returns {Promise<import('./base/declaration.js').WidgetDeclaration[]>} */
export async function readDeclarations({ webDir, wasmDir }) {
  const shim = /** @type {any} */ (globalThis);
  shim.HTMLElement ??= class HTMLElement {};
  const server = await createServer({
    configFile: false, root: webDir, logLevel: 'silent', appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true, include: [] },
    resolve: { alias: { '@engine': wasmDir } },
  });
  try {
    const registry = await server.ssrLoadModule('/src/widgets/registry.js');
    return JSON.parse(JSON.stringify(await registry.widgetDeclarations()));
  } finally {
    await server.close();
  }
}
