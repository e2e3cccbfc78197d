// @ts-check
// `./tutor package`: the npm package in build/package/ from the built site's embed folder (the bundle, its chunks,
// the wasm, KaTeX's fonts: all found through import.meta.url, so the unpacked folder works from any path), plus
// what is generated from the widget declarations (custom-elements.json, backprop-tutor.d.ts, Hugo shortcodes,
// Jekyll includes) and the host helpers; then `npm pack`. Run after the site build. Builds nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readDeclarations } from '../../widgets/read-declarations.mjs';
import { customElementsManifest, typeDeclarations } from './manifest.mjs';
import { integrationFiles } from './integrations.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const siteEmbed = path.join(process.env.BP_SITE_DIR ?? path.join(repoRoot, 'build/site'), 'embed');
const out = path.join(repoRoot, 'build/package');
const PAGE_FILES = new Set(['blog-demo.js', 'docs-page.js', 'frame-page.js', 'pages.css']);  // the site's own pages

const root = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const declarations = await readDeclarations({ webDir: path.join(repoRoot, 'web'), wasmDir: process.env.BP_WASM_DIR ?? path.join(repoRoot, 'build/wasm') });

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const name of fs.readdirSync(siteEmbed)) {
  if (!PAGE_FILES.has(name)) fs.cpSync(path.join(siteEmbed, name), path.join(out, name), { recursive: true });
}
const write = (/** @type {string} */ file, /** @type {string} */ text) => {
  fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  fs.writeFileSync(path.join(out, file), text);
};
for (const name of ['frames.js', 'loader.js']) fs.copyFileSync(path.join(here, '../host', name), path.join(out, name));
for (const [file, text] of Object.entries(integrationFiles(declarations))) write(file, text);
write('integrations/markdown-it-bp.js', fs.readFileSync(path.join(here, '../host/markdown-it-bp.js'), 'utf8'));
write('custom-elements.json', `${JSON.stringify(customElementsManifest(declarations, 'backprop-tutor.js'), null, 2)}\n`);
write('backprop-tutor.d.ts', typeDeclarations(declarations, root.version));
write('README.md', fs.readFileSync(path.join(here, 'README.md'), 'utf8').replaceAll('{{VERSION}}', root.version)
  .replace('{{WIDGETS}}', declarations.map((d) => `| \`<${d.tag}>\` | ${d.summary} |`).join('\n')));
write('package.json', `${JSON.stringify({
  name: 'backprop-tutor',
  version: root.version,
  description: root.description,
  license: root.license,
  type: 'module',
  main: './backprop-tutor.js',
  module: './backprop-tutor.js',
  types: './backprop-tutor.d.ts',
  exports: {
    '.': { types: './backprop-tutor.d.ts', default: './backprop-tutor.js' },
    './markdown-it': './integrations/markdown-it-bp.js',
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
    './*': './*',
  },
  files: fs.readdirSync(out).filter((name) => name !== 'package.json' && name !== 'README.md'),
  customElements: 'custom-elements.json',
  sideEffects: ['./backprop-tutor.js', './chunk-*.js', './loader.js', './frames.js'],
  keywords: ['backpropagation', 'autodiff', 'webassembly', 'web-components', 'custom-elements', 'education'],
}, null, 2)}\n`);
const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: out, encoding: 'utf8' }).trim().split('\n').at(-1);
console.log(path.join(out, String(packed)));
