// Static-site generators, built for real: a Hugo blog (the package's shortcode), a Jekyll blog (its include), an
// MkDocs site on the Material theme (raw HTML, the loader, and a widget arriving by Material's instant navigation)
// and a markdown-it build as Eleventy runs it (the package's plugin). Each site is served on one loopback origin under a strict CSP, the
// installed package on a second origin with CORS; a graph is stepped, and hostile parameters stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { repoRoot } from '../harness.mjs';
import { serveFolder, cspAllowing } from '../static-server.mjs';
import { installedProject, launch, openPage, stepGraph } from '../package-fixture.mjs';

const fixtures = path.join(repoRoot, 'tests/web/ssg');
const has = (command) => { try { execFileSync('sh', ['-c', `command -v ${command}`]); return true; } catch { return false; } };
let project, pkg, cdn, browser;
const servers = [];
before(async () => {
  project = installedProject('bp-ssg');
  pkg = path.join(project, 'node_modules/backprop-tutor');
  cdn = await serveFolder(pkg, { 'Access-Control-Allow-Origin': '*' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const server of [cdn, ...servers]) await server?.close();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

/** A fresh copy of one fixture in the temporary project. @param {string} name */
function site(name) {
  const dir = path.join(project, name);
  fs.cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

/** Serves `out` under the strict CSP (plus the package's origin), opens `page`, steps #g, checks #xss stayed text. */
async function check(out, page) {
  const server = await serveFolder(out, { 'Content-Security-Policy': cspAllowing(cdn.url) });
  servers.push(server);
  const tab = await openPage(browser, `${server.url}/${page}`);
  assert.deepEqual(await stepGraph(tab.locator('#g')), { x: '-4', y: '-4', z: '3' });
  if (await tab.locator('#xss').count()) {
    await tab.locator('#xss').scrollIntoViewIfNeeded();
    await tab.locator('#xss[data-ready="true"]').waitFor();
    assert.equal(await tab.locator('#xss').getAttribute('expr'), '"><img src=x onerror=window.__xss=1>');
    assert.equal(await tab.locator('img, script:not([src])').count(), 0, 'no markup got through');
  }
  assert.equal(await tab.evaluate(() => window.__xss), undefined);
  assert.deepEqual(await tab.violations(), []);
  assert.deepEqual(tab.problems, []);
  return tab;
}

test('Hugo: the bp-graph shortcode', { skip: !has('hugo') && 'hugo is not installed' }, async () => {
  const dir = site('hugo');
  fs.cpSync(path.join(pkg, 'integrations/hugo/layouts'), path.join(dir, 'layouts'), { recursive: true });
  execFileSync('hugo', ['--source', dir, '--destination', path.join(dir, 'public'), '--quiet'],
    { env: { ...process.env, HUGO_PARAMS_BUNDLE: `${cdn.url}/backprop-tutor.js` }, stdio: 'inherit' });
  await (await check(path.join(dir, 'public'), 'post/index.html')).context().close();
});

test('Jekyll: the bp-graph include', { skip: !has('jekyll') && 'jekyll is not installed' }, async () => {
  const dir = site('jekyll');
  fs.cpSync(path.join(pkg, 'integrations/jekyll/_includes'), path.join(dir, '_includes'), { recursive: true });
  fs.writeFileSync(path.join(dir, '_bundle.yml'), `bundle: "${cdn.url}/backprop-tutor.js"\n`);
  execFileSync('jekyll', ['build', '--source', dir, '--destination', path.join(dir, '_site'), '--quiet',
    '--config', `${path.join(dir, '_config.yml')},${path.join(dir, '_bundle.yml')}`], { stdio: 'inherit' });
  await (await check(path.join(dir, '_site'), 'post.html')).context().close();
});

test('MkDocs Material: the loader, and a widget that arrives by instant navigation', { skip: !has('mkdocs') && 'mkdocs is not installed' }, async () => {
  const dir = site('mkdocs');
  const out = path.join(dir, 'site');
  fs.mkdirSync(out);
  /** @type {Record<string, string>} the server reads these at each request: the CSP is known once the site is built */
  const headers = {};
  const server = await serveFolder(out, headers);  // first: Material's instant navigation needs the site's URL
  servers.push(server);
  fs.appendFileSync(path.join(dir, 'mkdocs.yml'), `site_url: ${server.url}/\nextra_javascript:\n  - ${cdn.url}/loader.js\n`);
  execFileSync('mkdocs', ['build', '--quiet', '--config-file', path.join(dir, 'mkdocs.yml'), '--site-dir', out], { stdio: 'inherit' });
  // The strict CSP, plus Material's own inline script by its hash (the same on every page).
  const inline = [...fs.readFileSync(path.join(out, 'index.html'), 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)]
    .map((match) => `'sha256-${crypto.createHash('sha256').update(match[1]).digest('base64')}'`);
  assert.equal(inline.length, 1, 'Material 8 has one inline script');
  headers['Content-Security-Policy'] = cspAllowing(cdn.url).replace("script-src 'self'", `script-src 'self' ${inline[0]}`);
  const tab = await openPage(browser, `${server.url}/index.html`);
  await tab.waitForFunction(() => document.readyState === 'complete');
  await tab.evaluate(() => { window.__samePage = true; });  // a page load would forget it
  await tab.getByRole('link', { name: 'the graph' }).click();
  await tab.waitForURL(/\/graph\.html$/);
  assert.deepEqual(await stepGraph(tab.locator('#g')), { x: '-4', y: '-4', z: '3' });
  assert.equal(await tab.evaluate(() => window.__samePage), true, 'no page load happened');
  assert.deepEqual(await tab.violations(), []);
  assert.deepEqual(tab.problems, []);
  await tab.context().close();
});

test('markdown-it (as Eleventy runs it): ::: bp-graph blocks through the package plugin', async () => {
  const dir = site('markdown-it');
  const { default: backpropTutor } = await import(path.join(pkg, 'integrations/markdown-it-bp.js'));
  const body = new MarkdownIt({ html: false }).use(backpropTutor).render(fs.readFileSync(path.join(dir, 'post.md'), 'utf8'));
  assert.doesNotMatch(body, /onclick|<img|<script/);
  fs.writeFileSync(path.join(dir, 'post.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>post</title>
<script type="module" src="${cdn.url}/backprop-tutor.js"></script></head><body><main>${body}</main></body></html>`);
  const tab = await check(dir, 'post.html');
  await tab.locator('bp-softmax[data-ready="true"]').waitFor();
  await tab.context().close();
});
