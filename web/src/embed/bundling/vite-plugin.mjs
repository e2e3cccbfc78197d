// @ts-check
// The Vite plugin that builds the embed bundle after the site: build/site/embed/backprop-tutor.js (the ES module a
// page loads: it defines the widgets the page holds, their code in chunk-*.js beside it) with the engine's two
// .wasm files (formulas only, and whole) beside it, found through import.meta.url so the folder works from any host
// and path. It also copies the embed pages (web/embed/: the iframe form, the docs page, the seed-000 demo) and their
// small scripts as static files: those pages load the widgets only through the bundle, exactly as a blogger's page
// would. The docs and the
// demo wear the site's shell: their top bar is written in as they are copied, and build/site/shell/ gets its runtime
// (shell.js) and the stylesheets the pages link beside pages.css (tokens, bar). Not a dev-server feature: build, then
// preview.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { applyShell } from '../../shell/inject.mjs';
import { readDeclarations } from '../../widgets/read-declarations.mjs';
import { sharedWidgetChunk } from './widget-chunk.mjs';
import { loadNodeEngine } from '../../lessons/prerender/node-engine.mjs';

const WASM_URL_MODULE = '\0bp-embed-wasm-url:';
// The engine's two modules (web/src/engine/load.js): the whole engine, and the formulas-only one.
const WASM_FILES = ['bp_engine.wasm', 'bp_scalar.wasm'];

/**
 * In the bundle, the engine's wasm is a file next to it, not a data: URL (a strict CSP's connect-src refuses
 * those) and not a path fixed at build time (hosts put the bundle anywhere).
 * @returns {import('vite').Plugin}
 */
function wasmBesideBundle() {
  return {
    name: 'bp-embed-wasm-beside',
    enforce: 'pre',
    resolveId(id) {
      const wasm = /(bp_\w+\.wasm)\?url$/.exec(id);
      return wasm ? WASM_URL_MODULE + wasm[1] : null;
    },
    load(id) {
      if (!id.startsWith(WASM_URL_MODULE)) return null;
      return `export default new URL(/* @vite-ignore */ './${id.slice(WASM_URL_MODULE.length)}', import.meta.url).href;`;
    },
    // The Emscripten glue's own default `new URL("bp_engine.wasm", import.meta.url)` (unused: load.js fetches the
    // wasm itself) would make Vite inline the wasm as base64; bracketing import.meta.url keeps Vite's hands off.
    // Its node branch's require("fs") and require("path") never run in a browser; bundled, they would become a
    // stand-in module and the bundler's runtime helpers, two more chunks to wait for before the engine starts.
    transform(code, id) {
      if (!/bp_\w+\.mjs$/.test(id)) return null;
      return { code: code.replace(/new URL\(("bp_\w+\.wasm"),\s*import\.meta\.url\)/g, 'new URL($1, (import.meta.url))')
        .replace(/require\("(fs|path)"\)/g, '({})'), map: null };
    },
    // In the output the ignore marks go: a blogger's own bundler (Vite, webpack 5, ...) then sees plain
    // `new URL('./file', import.meta.url)` and copies the wasm and each font as assets.
    renderChunk(code) {
      return code.includes('@vite-ignore') ? { code: code.replace(/\/\*\s*@vite-ignore\s*\*\/\s*/g, ''), map: null } : null;
    },
  };
}

const KATEX_FONTS_MODULE = '\0bp-embed-katex-fonts';
const FONT_FACE = /@font-face\{[^}]*\}/g;

/**
 * KaTeX's @font-face rules do nothing inside a shadow root, so the widgets' inlined KaTeX CSS drops them. The
 * fonts are declared for the host document instead: `virtual:katex-fonts` exports those rules with only their
 * woff2 sources, pointing at embed/fonts/ beside the bundle (copied by `copyKatexFonts`), and font-display: swap
 * (math shows at once in a fallback face, then in KaTeX's). The browser fetches a font only when a glyph needs it,
 * so the fonts cost nothing until math is drawn and are not part of the bundle.
 * @param {string} katexDir node_modules/katex/dist @returns {import('vite').Plugin}
 */
function katexFontsForDocument(katexDir) {
  return {
    name: 'bp-embed-katex-fonts',
    enforce: 'pre',
    resolveId(id) { return id === 'virtual:katex-fonts' ? KATEX_FONTS_MODULE : null; },
    load(id) {
      if (id !== KATEX_FONTS_MODULE) return null;
      const css = fs.readFileSync(path.join(katexDir, 'katex.min.css'), 'utf8');
      // One URL per font, each a literal `new URL('./fonts/NAME.woff2', import.meta.url)`, so bundlers can copy them.
      const rules = (css.match(FONT_FACE) ?? []).map((rule) => rule
        .replace(/src:[^;}]*/, (src) => `src:url(\${new URL(/* @vite-ignore */ './fonts/${/fonts\/([\w-]+\.woff2)/.exec(src)?.[1]}', import.meta.url).href}) format("woff2")`)
        .replace(/font-display:\w+/, 'font-display:swap'));
      return `export default \`${rules.join('\n')}\`;`;
    },
    transform(code, id) {
      if (!/katex(\.min)?\.css/.test(id)) return null;
      return { code: code.replace(FONT_FACE, ''), map: null };
    },
  };
}

/** The woff2 files the rules above name, into embed/fonts/. @param {string} katexDir @param {string} embedOut */
function copyKatexFonts(katexDir, embedOut) {
  const target = path.join(embedOut, 'fonts');
  fs.mkdirSync(target, { recursive: true });
  for (const name of fs.readdirSync(path.join(katexDir, 'fonts'))) {
    if (name.endsWith('.woff2')) fs.copyFileSync(path.join(katexDir, 'fonts', name), path.join(target, name));
  }
}

/** Browsers with CSS light-dark(): for older targets the minifier rewrites it into variables that only work where
 * a color-scheme rule of the same sheet sets them, which a widget's shadow root on a blog never has. */
export const CSS_TARGET = ['chrome123', 'firefox120', 'safari17.5'];

/** The shell for the static pages: its runtime as one ES module, and its stylesheets as they are.
 * @param {string} webDir @param {string} shellOut */
async function buildShell(webDir, shellOut) {
  await build({
    configFile: false,
    root: webDir,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: shellOut,
      emptyOutDir: false,
      target: 'es2022',
      cssTarget: CSS_TARGET,
      minify: true,
      lib: { entry: path.join(webDir, 'src/shell/shell.js'), formats: ['es'], fileName: () => 'shell.js' },
    },
  });
  for (const file of ['styles/tokens.css', 'shell/shell.css']) {
    fs.copyFileSync(path.join(webDir, 'src', file), path.join(shellOut, path.basename(file)));
  }
}

/** @param {{webDir: string, wasmDir: string, outDir: string}} options @returns {import('vite').Plugin} */
export function embedPlugin({ webDir, wasmDir, outDir }) {
  let isBuild = false;
  return {
    name: 'bp-embed',
    apply: 'build',
    configResolved(config) { isBuild = config.command === 'build' && !config.build.lib; },
    async closeBundle() {
      if (!isBuild) return;
      const embedOut = path.join(outDir, 'embed');
      const katexDir = path.join(path.dirname(webDir), 'node_modules/katex/dist');
      const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(webDir), 'package.json'), 'utf8'));
      const declarations = await readDeclarations({ webDir, wasmDir });
      const engines = Object.fromEntries(declarations.map((d) => [d.tag, d.engine]));
      const widgetChunk = sharedWidgetChunk(declarations);
      const { limits } = (await loadNodeEngine(wasmDir)).capabilities();  // for the iframe form's parameter check
      if (fs.existsSync(embedOut)) for (const old of fs.readdirSync(embedOut).filter((n) => n.startsWith('chunk-'))) fs.rmSync(path.join(embedOut, old));
      await build({
        configFile: false,
        root: webDir,
        publicDir: false,
        logLevel: 'warn',
        resolve: { alias: { '@engine': wasmDir } },
        plugins: [wasmBesideBundle(), katexFontsForDocument(katexDir), widgetChunk.plugin],
        define: { __BP_VERSION__: JSON.stringify(version), __BP_ENGINES__: JSON.stringify(engines),
          __BP_FORMULA_LENGTH__: JSON.stringify(limits.formula.length) },
        build: {
          outDir: embedOut,
          emptyOutDir: false,
          target: 'es2022',
          cssTarget: CSS_TARGET,
          minify: true,
          lib: { entry: path.join(webDir, 'src/embed/backprop-tutor.js'), formats: ['es'], fileName: () => 'backprop-tutor.js' },
          // The chunks, each one round trip from the entry, so a page's critical path is: the entry (with the
          // widgets' shared base), then in parallel its widgets' chunks, the engine glue and the wasm. KaTeX (a third
          // of the JavaScript) is its own chunk, fetched once a widget is on screen or first typesets. The small
          // widgets share one chunk (widget-chunk.mjs): one chunk each cost the every-widget page ~5 KB gzip of the
          // 400 KB budget.
          // Measured (tests/bench/embed.bench.mjs, 2 cores, load 1.5-5): one file took 466-553 ms (min) to the first
          // interactive graph; these chunks with the rest of issue 16's start work, 317-390 ms.
          rollupOptions: {
            preserveEntrySignatures: 'allow-extension',  // the shared base may join the entry, which then exports it
            // Those shared helpers are imported by the entry only to keep them in it (see backprop-tutor.js).
            treeshake: { moduleSideEffects: [{ test: /widgets[\\/](base|lesson-kit)[\\/][\w-]+\.js$/, sideEffects: true }] },
            output: {
              chunkFileNames: 'chunk-[name]-[hash].js',
              minify: true,
              codeSplitting: { groups: [{ name: 'widgets', test: widgetChunk.test, includeDependenciesRecursively: false }] },
            },
          },
        },
      });
      for (const wasm of WASM_FILES) fs.copyFileSync(path.join(wasmDir, wasm), path.join(embedOut, wasm));
      copyKatexFonts(katexDir, embedOut);
      for (const name of ['frames.js', 'loader.js']) fs.copyFileSync(path.join(webDir, 'src/embed/host', name), path.join(embedOut, name));
      await buildShell(webDir, path.join(outDir, 'shell'));
      const pagesDir = path.join(webDir, 'embed');
      for (const name of fs.readdirSync(pagesDir)) {
        const source = path.join(pagesDir, name);
        if (name.endsWith('.html')) fs.writeFileSync(path.join(outDir, name), applyShell(fs.readFileSync(source, 'utf8'), './', name));
        else fs.copyFileSync(source, path.join(embedOut, name));
      }
    },
  };
}
