// The npm package as a blogger uses it: the tarball installs offline into a fresh project; served from a second
// origin with CORS, a post on the first origin under a strict CSP steps a graph, shows a softmax from a plain logit
// list and has its MathJax-style TeX typeset (data-typeset-page); the iframe form sizes itself through frames.js;
// a host without CORS gets a message, not a blank box; Vite bundles the package; tsc checks a TypeScript consumer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { repoRoot, startServer } from '../harness.mjs';
import { STRICT_CSP } from '../embed-helpers.mjs';
import { serveFolder, cspAllowing } from '../static-server.mjs';
import { installedProject, launch, openPage, stepGraph } from '../package-fixture.mjs';

const XSS = '"><img src=x onerror="window.__xss=1">';
let project, pkg, cdn, noCors, blog, site, browser;
before(async () => {
  project = installedProject();
  pkg = path.join(project, 'node_modules/backprop-tutor');
  cdn = await serveFolder(pkg, { 'Access-Control-Allow-Origin': '*' });
  noCors = await serveFolder(pkg);
  site = await startServer({ headers: { 'Content-Security-Policy': STRICT_CSP } });
  const blogDir = path.join(project, 'blog');
  fs.mkdirSync(blogDir);
  fs.writeFileSync(path.join(blogDir, 'post.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>post</title>
<script type="module" src="${cdn.url}/backprop-tutor.js" data-typeset-page></script></head><body><main>
<p id="inline">The gradient \\(\\frac{\\partial f}{\\partial x} = z\\) flows back.</p>
<p id="display">$$f(x, y, z) = (x + y)\\,z$$</p>
<p id="bad">$$\\href{javascript:window.__xss=1}{click} &lt;img src=x onerror=window.__xss=1&gt;$$</p>
<pre><code id="code">$$not math$$</code></pre>
<bp-graph id="g" expr="(x+y)*z" values="x=-2, y=5, z=-4"></bp-graph>
<bp-softmax id="s" logits="1, 2, 3" target="1"></bp-softmax>
<bp-graph id="x" expr='${XSS}' values='${XSS}'></bp-graph>
</main></body></html>`);
  const frame = `${site.baseUrl}/embed.html?lang=en&widget=graph&expr=${encodeURIComponent('(x+y)*z')}&values=${encodeURIComponent('x=-2, y=5, z=-4')}`;
  fs.writeFileSync(path.join(blogDir, 'frame.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title>
<script src="${cdn.url}/frames.js" defer></script></head><body><iframe id="f" src="${frame}" height="560" title="tutor"></iframe></body></html>`);
  fs.writeFileSync(path.join(blogDir, 'nocors.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no cors</title>
<script src="${noCors.url}/loader.js" defer></script></head><body><bp-graph expr="x*y" values="x=1, y=2"></bp-graph></body></html>`);
  blog = await serveFolder(blogDir, { 'Content-Security-Policy': cspAllowing(cdn.url, noCors.url, site.baseUrl) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const server of [cdn, noCors, blog, site]) await server?.close();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

test('the tarball holds a complete package: exports, types, manifest, files', () => {
  const meta = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  assert.equal(meta.name, 'backprop-tutor');
  assert.equal(meta.type, 'module');
  assert.deepEqual(meta.exports['.'], { types: './backprop-tutor.d.ts', default: './backprop-tutor.js' });
  assert.equal(meta.customElements, 'custom-elements.json');
  const files = ['backprop-tutor.js', 'bp_engine.wasm', 'bp_scalar.wasm', 'README.md', 'loader.js', 'frames.js',
    'fonts/KaTeX_Main-Regular.woff2'];
  for (const file of files) {
    assert.ok(fs.existsSync(path.join(pkg, file)), file);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'custom-elements.json'), 'utf8'));
  assert.match(manifest.schemaVersion, /^2\./);
  const graph = manifest.modules[0].declarations.find((d) => d.tagName === 'bp-graph');
  assert.ok(graph.attributes.some((a) => a.name === 'expr' && a.description && a.type.text === 'string'));
  assert.ok(graph.events.some((e) => e.name === 'bp-graph-change'));
  const softmax = manifest.modules[0].declarations.find((d) => d.tagName === 'bp-softmax');
  assert.match(softmax.attributes.find((a) => a.name === 'logits').description, /1, 2, 3/);
});

test('from a second origin with CORS, under a strict CSP: graph, softmax, page math, XSS as text', async () => {
  const page = await openPage(browser, `${blog.url}/post.html`);
  assert.deepEqual(await stepGraph(page.locator('#g')), { x: '-4', y: '-4', z: '3' });
  const softmax = page.locator('#s');
  await softmax.scrollIntoViewIfNeeded();
  await softmax.and(page.locator('[data-ready="true"]')).waitFor();
  assert.deepEqual((await softmax.getAttribute('data-outputs')).split(',').map((v) => Number(v).toFixed(4)), ['0.0900', '0.2447', '0.6652']);
  await page.locator('#display .katex-display').waitFor();
  assert.equal(await page.locator('#inline .katex').count(), 1);
  assert.equal(await page.locator('#code').textContent(), '$$not math$$');
  const x = page.locator('#x');
  await x.scrollIntoViewIfNeeded();
  await x.and(page.locator('[data-ready="true"]')).waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('img').count(), 0);
  assert.deepEqual(await page.violations(), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the iframe form sizes itself on a host with frames.js; other messages are ignored', async () => {
  const page = await openPage(browser, `${blog.url}/frame.html`);
  const frame = page.locator('#f');
  await page.waitForFunction(() => document.getElementById('f').style.height !== '');
  const inner = await page.frameLocator('#f').locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  assert.equal(await frame.evaluate((f) => f.style.height), `${inner}px`);
  // A resize message from the host page itself, then a marker: messages arrive in order, so once the marker has,
  // frames.js has handled (and should have ignored) the resize.
  await page.evaluate(() => new Promise((resolve) => {
    addEventListener('message', (event) => { if (event.data === 'test:marker') resolve(undefined); });
    postMessage({ type: 'backprop-tutor:resize', height: 3000 }, '*');
    postMessage('test:marker', '*');
  }));
  assert.equal(await frame.evaluate((f) => f.style.height), `${inner}px`, 'a message not from the frame is ignored');
  assert.deepEqual(await page.violations(), []);
  await page.context().close();
});

test('a bundle host that sends no CORS: the widget says what is missing', async () => {
  const page = await openPage(browser, `${blog.url}/nocors.html`);
  const alert = page.locator('bp-graph [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Access-Control-Allow-Origin/);
  await page.context().close();
});

test('Vite bundles the installed package; the built page steps a graph under the strict CSP', async () => {
  fs.writeFileSync(path.join(project, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vite</title>
<script type="module" src="./main.js"></script></head><body><bp-graph id="g" expr="(x+y)*z" values="x=-2, y=5, z=-4"></bp-graph></body></html>`);
  fs.writeFileSync(path.join(project, 'main.js'), "import { VERSION } from 'backprop-tutor';\ndocument.documentElement.dataset.bp = VERSION;\n");
  await build({ configFile: false, root: project, logLevel: 'warn', build: { outDir: path.join(project, 'dist'), target: 'es2022', assetsInlineLimit: 0 } });  // as the README says, for a strict CSP
  const dist = await serveFolder(path.join(project, 'dist'), { 'Content-Security-Policy': STRICT_CSP });
  try {
    const page = await openPage(browser, `${dist.url}/index.html`);
    assert.deepEqual(await stepGraph(page.locator('#g')), { x: '-4', y: '-4', z: '3' });
    assert.deepEqual(await page.violations(), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await dist.close();
  }
});

test('tsc type-checks a TypeScript consumer against the generated .d.ts', () => {
  fs.writeFileSync(path.join(project, 'consumer.ts'), `import { VERSION, type BpGraph, type BpGraphAttributes } from 'backprop-tutor';
const graph: BpGraph | null = document.querySelector('bp-graph');
graph?.addEventListener('bp-graph-change', (event) => console.log(event.detail.step, VERSION));
const attributes: BpGraphAttributes = { expr: '(x+y)*z', values: 'x=-2' };
const softmax = document.createElement('bp-softmax');
softmax.setAttribute('logits', '1, 2, 3');
// @ts-expect-error: not an attribute of the declaration's enum
const bad: BpGraphAttributes = { mode: 'not-a-mode' };
export { attributes, bad };
`);
  fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true,
    target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], skipLibCheck: false }, files: ['consumer.ts'] }));
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', project], { stdio: 'inherit' });
});
