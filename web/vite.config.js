// Vite builds the site from web/ into build/site: every .html file in web/ is a page, and the lessons in tutorials/
// become pages under /lessons/ (rendered at build time by web/src/lessons/prerender/). Every page gets the site's top
// bar in place of its `<!-- bp-shell: SECTION -->` marker (web/src/shell/). The wasm engine is imported from
// the Emscripten build folder through the '@engine' alias, so the site always ships the engine just built. After
// the site, the embed bundle (build/site/embed/backprop-tutor.js + its wasm) and the embed pages are built
// (web/src/embed/bundling/: those pages use the widgets only through the bundle, as a blogger's page would).
import { defineConfig } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lessonsPlugin, lessonEntries } from './src/lessons/prerender/vite-plugin.mjs';
import { embedPlugin, CSS_TARGET } from './src/embed/bundling/vite-plugin.mjs';
import { shellPlugin } from './src/shell/inject.mjs';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webDir, '..');
const tutorialsDir = path.join(repoRoot, 'tutorials');
const wasmDir = path.join(repoRoot, 'build/wasm');
const outDir = path.join(repoRoot, 'build/site');
const pages = fs.readdirSync(webDir).filter((name) => name.endsWith('.html'));

export default defineConfig({
  root: webDir,
  base: './',
  resolve: { alias: { '@engine': wasmDir } },
  plugins: [shellPlugin(), lessonsPlugin({ webDir, tutorialsDir, wasmDir }), embedPlugin({ webDir, wasmDir, outDir })],
  worker: { format: 'es' },  // the training page's module worker imports the ES-module engine
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    cssTarget: CSS_TARGET,  // keeps light-dark() as it is (see CSS_TARGET)
    // No runtime <link rel=modulepreload> for the widgets' lazy chunks (registry.js): Firefox fires an error on such
    // a link for a module the page has already loaded, and the chunks are small and on the same origin anyway.
    modulePreload: false,
    rollupOptions: {
      input: {
        ...Object.fromEntries(pages.map((page) => [page.replace(/\.html$/, ''), path.join(webDir, page)])),
        ...lessonEntries(webDir, tutorialsDir),
      },
    },
  },
  server: { fs: { allow: [repoRoot] } },
});
