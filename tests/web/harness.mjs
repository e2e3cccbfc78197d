// Shared set-up for the browser tests: serves the built site ($BP_SITE_DIR, default build/site) with Vite's preview server on a free
// localhost port and drives Debian's Chromium through playwright-core. Console errors and page errors are
// collected so every test can assert there were none. Screenshots go to build/screenshots/ (test artifacts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = process.env.BP_SITE_DIR ?? path.join(repoRoot, 'build/site');
export const screenshotDir = process.env.BP_SCREENSHOT_DIR ?? path.join(repoRoot, 'build/screenshots');

// The WebUIOmnibox* features: headless Chromium otherwise builds each new context's address-bar popups (WebUI pages
// of ~100 modules each; Chromium 156 has three: the popup, its full and its AI-mode forms) while the first page
// loads, taking a core of two from the page under test. A reader's browser builds them once per window.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup'];

/**
 * Starts the server and the browser. Returns helpers; call `close()` at the end.
 * @param {{headers?: Record<string, string>}} [options] extra response headers (e.g. a Content-Security-Policy)
 */
export async function startSite(options = {}) {
  const server = await startServer(options);
  const { baseUrl } = server;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  fs.mkdirSync(screenshotDir, { recursive: true });

  /**
   * Opens a page at `urlPath`, recording console errors and uncaught exceptions into `page.problems`.
   * `view.initScript` runs in every document before the page's own scripts (e.g. a listener for CSP violations).
   * `view.waitUntil` 'commit' returns as soon as the page starts loading (a benchmark then waits on the page itself).
   * `view.clock` installs Playwright's fake clock before the page loads (time flows until the test pauses it).
   * @param {string} urlPath @param {{width?: number, height?: number, colorScheme?: 'light'|'dark', initScript?: () => void,
   *   waitUntil?: 'load'|'commit', clock?: boolean}} [view]
   */
  async function open(urlPath, view = {}) {
    const context = await browser.newContext({
      viewport: { width: view.width ?? 1280, height: view.height ?? 900 },
      colorScheme: view.colorScheme ?? 'light',
    });
    if (view.initScript) await context.addInitScript(view.initScript);
    if (view.clock) await context.clock.install();
    const page = await context.newPage();
    /** @type {string[]} */
    const problems = [];
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(baseUrl + urlPath, { waitUntil: view.waitUntil ?? 'load' });
    return Object.assign(page, { problems });
  }

  /** @param {import('playwright-core').Page} page @param {string} name */
  async function screenshot(page, name) {
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  }

  async function close() {
    await browser.close();
    await server.close();
  }

  return { baseUrl, open, screenshot, close };
}

/**
 * Serves the built site on a free 127.0.0.1 port (no browser; the Firefox and WebKit runs use this too).
 * @param {{headers?: Record<string, string>, plugins?: import('vite').PluginOption[]}} [options] extra response
 *   headers; extra Vite plugins (e.g. a test middleware)
 */
export async function startServer(options = {}) {
  const server = await preview({
    configFile: path.join(repoRoot, 'web/vite.config.js'),
    logLevel: 'silent',
    build: { outDir: siteDir },
    preview: { port: 0, host: '127.0.0.1', headers: options.headers ?? {} },
    plugins: options.plugins ?? [],
  });
  const address = server.httpServer.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const close = () => new Promise((resolve) => server.httpServer.close(resolve));
  return { baseUrl, close };
}

/** Resolves after `count` animation frames of the page: what was queued for a frame has run and been painted.
 * @param {import('playwright-core').Page} page @param {number} [count] */
export function frames(page, count = 2) {
  return page.evaluate((n) => new Promise((resolve) => {
    const next = (left) => (left === 0 ? resolve(undefined) : requestAnimationFrame(() => next(left - 1)));
    next(n);
  }), count);
}

/**
 * Switches the emulated colour scheme and waits for the page's own `change` event of the media query (the theme
 * module listens first, so the page has re-coloured and its canvases redrawn), then for a painted frame.
 * @param {import('playwright-core').Page} page @param {'light'|'dark'} colorScheme
 */
export async function setColorScheme(page, colorScheme) {
  const changes = await page.evaluate((dark) => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    if (media.matches === dark) return false;
    window.__bpSchemeChange = new Promise((resolve) => media.addEventListener('change', () => resolve(undefined), { once: true }));
    return true;
  }, colorScheme === 'dark');
  await page.emulateMedia({ colorScheme });
  if (changes) await page.evaluate(() => window.__bpSchemeChange);
  await frames(page);
}
