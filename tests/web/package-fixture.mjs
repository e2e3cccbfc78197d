// Shared by the package and static-site-generator tests: the packed tarball (built by `./tutor package`'s script
// if missing or older than the site's bundle), installed offline into a fresh temporary project, and a browser on that. Set-up only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { repoRoot, siteDir } from './harness.mjs';

export const packageDir = path.join(repoRoot, 'build/package');
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
export const tarball = path.join(packageDir, `backprop-tutor-${version}.tgz`);

/** A fresh project with the tarball installed offline; returns its folder (node_modules/backprop-tutor inside). */
export function installedProject(name = 'bp-consumer') {
  const bundle = path.join(siteDir, 'embed/backprop-tutor.js');
  const stale = !fs.existsSync(tarball) || fs.statSync(tarball).mtimeMs < fs.statSync(bundle).mtimeMs;
  if (stale) execFileSync('node', [path.join(repoRoot, 'web/src/embed/package/build-package.mjs')], { stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  execFileSync('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

export const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

/** A page that records console errors, page errors and CSP violations. @param {import('playwright-core').Browser} browser */
export async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  return Object.assign(page, { problems, violations: () => page.evaluate(() => window.__violations) });
}

/** Steps a bp-graph (locator) to its end; resolves to its leaf gradients. */
export async function stepGraph(graph) {
  await graph.scrollIntoViewIfNeeded();
  await graph.and(graph.page().locator('[data-ready="true"]')).waitFor();
  const next = graph.getByRole('button', { name: 'Next step' });
  while (await next.isEnabled()) await next.click();
  return graph.locator('[data-node-id].leaf').evaluateAll((nodes) => Object.fromEntries(nodes.map((n) => [n.dataset.label, n.dataset.grad])));
}
