// One small driver interface over two browsers, so the same journey code runs in both:
//   firefox: Debian's firefox-esr through puppeteer-core over WebDriver BiDi;
//   webkit:  WebKitGTK's MiniBrowser through WebKitWebDriver and selenium-webdriver (needs an X display: run under
//            xvfb-run, see run.mjs).
// A driver holds one page at a time:
//   open(url, {width, height, colorScheme})   loads url (absolute, or relative to baseUrl) in a viewport of that
//                                             size (CSS px)
//   evaluate(fn, ...args)                     runs fn in the page (args and result are JSON), returns its result
//   waitFor(fn, arg, {timeout, every, what})  polls fn(arg) in the page until it returns something truthy
//   click(target)                             a real pointer click (scrolled into view) on the element `target`
//                                             names: a CSS selector, ' >>> ' steps into shadow roots, and
//                                             {css, text} picks the match whose text is `text`
//   screenshot(name)                          the whole page to build/screenshots/<browser>-<name>.png (the
//                                             viewport grows to the page's height for it)
//   errors()                                  uncaught errors and unhandled rejections of the page (and, in
//                                             Firefox, console errors), collected by the hook error-hook.mjs
//                                             serves before any page script
//   close()
// Dark mode needs a browser started for it (Firefox: a preference, MiniBrowser: --dark-mode); a driver starts a
// second one the first time a page asks for the other scheme.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { screenshotDir } from '../harness.mjs';

export const FIREFOX = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * @typedef {string | {css: string, text?: string}} Target
 * @typedef {{width?: number, height?: number, colorScheme?: 'light' | 'dark'}} View
 * @typedef {{name: string, open: (urlPath: string, view?: View) => Promise<void>,
 *   evaluate: <T>(fn: (...args: any[]) => T, ...args: any[]) => Promise<Awaited<T>>,
 *   waitFor: <T>(fn: (arg: any) => T, arg?: any, options?: {timeout?: number, every?: number, what?: string})
 *     => Promise<Awaited<T>>,
 *   click: (target: Target) => Promise<void>, screenshot: (name: string) => Promise<string>,
 *   errors: () => Promise<string[]>, close: () => Promise<void>}} Driver
 */

/** Runs in the page: the element `target` names (see the header), or null. Self-contained (it is serialised). */
function findTarget(target) {
  const { css, text } = typeof target === 'string' ? { css: target, text: undefined } : target;
  /** @type {(Document | ShadowRoot)[]} */
  let scopes = [document];
  const parts = css.split('>>>').map((part) => part.trim());
  for (const [i, part] of parts.entries()) {
    const found = scopes.flatMap((scope) => [...scope.querySelectorAll(part)]);
    if (i === parts.length - 1) {
      return found.find((element) => text === undefined || element.textContent?.trim() === text) ?? null;
    }
    scopes = found.map((element) => element.shadowRoot).filter((root) => root !== null);
  }
  return null;
}

const describe = (target) => (typeof target === 'string' ? target : `${target.css} "${target.text}"`);

/** Polls `check` (async, returns a value or something falsy) every `every` ms until truthy or `timeout` ms pass. */
async function poll(check, { timeout = 30000, every = 100, what = 'a condition' } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

/** Runs in the page: true once every widget the page draws (not those in hidden steps) is ready, i.e. has started
 * and has its final size; widgets start when scrolled into view. Self-contained (it is serialised). */
function widgetsReady() {
  return [...document.querySelectorAll('*')]
    .filter((element) => element.localName.startsWith('bp-') && element.getClientRects().length > 0)
    .every((element) => element instanceof HTMLElement && element.dataset.ready === 'true');
}

/**
 * For a whole-page picture: makes the viewport as tall as the page (so that sticky bars sit where they belong and
 * nothing is left to scroll), again while widgets that start when scrolled into view grow the page. Returns the
 * height set. @param {(height: number) => Promise<unknown>} resize
 * @param {<T>(fn: () => T) => Promise<Awaited<T>>} evaluate runs a function in the page
 * @param {number} height the current viewport height
 */
async function growToPage(resize, evaluate, height) {
  let tall = height;
  for (let round = 0; round < 6; round++) {
    const full = await evaluate(() => Math.ceil(document.documentElement.scrollHeight));
    if (full <= tall) break;
    tall = full;
    await resize(tall);
    await poll(() => evaluate(widgetsReady), { timeout: 10000, what: 'the widgets now in view to be ready' });
  }
  return tall;
}

function screenshotPath(browserName, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return path.join(screenshotDir, `${browserName}-${name}.png`);
}

/** @param {'firefox' | 'webkit'} name @param {string} baseUrl @returns {Promise<Driver>} */
export function launch(name, baseUrl) {
  if (name === 'firefox') return launchFirefox(baseUrl);
  if (name === 'webkit') return launchWebKit(baseUrl);
  throw new Error(`unknown browser ${name}`);
}

// ---- Firefox: puppeteer-core over WebDriver BiDi ------------------------------------------------------------

/** @param {string} baseUrl @returns {Promise<Driver>} */
async function launchFirefox(baseUrl) {
  const puppeteer = (await import('puppeteer-core')).default;
  /** @type {Map<string, import('puppeteer-core').Browser>} */
  const browsers = new Map();
  const browserFor = async (/** @type {'light' | 'dark'} */ scheme) => {
    if (!browsers.has(scheme)) {
      browsers.set(scheme, await puppeteer.launch({
        browser: 'firefox', executablePath: FIREFOX, headless: true,
        // Content override 0: dark, 1: light (BiDi has no prefers-color-scheme emulation here).
        extraPrefsFirefox: {
          'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
          'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
        },
      }));
    }
    return /** @type {import('puppeteer-core').Browser} */ (browsers.get(scheme));
  };
  await browserFor('light');
  /** @type {import('puppeteer-core').Page | null} */
  let page = null;
  /** @type {string[]} */
  let consoleErrors = [];
  const current = () => { if (!page) throw new Error('no page open'); return page; };

  return {
    name: 'firefox',
    async open(urlPath, view = {}) {
      await page?.close();
      const browser = await browserFor(view.colorScheme ?? 'light');
      page = await browser.newPage();
      consoleErrors = [];
      const errors = consoleErrors;
      page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      await page.setViewport({ width: view.width ?? 1280, height: view.height ?? 900 });
      await page.goto(new URL(urlPath, baseUrl).href, { waitUntil: 'load' });
    },
    evaluate: (fn, ...args) => current().evaluate(fn, ...args),
    waitFor: (fn, arg, options = {}) => poll(() => current().evaluate(fn, arg), options),
    async click(target) {
      const element = await poll(async () => {
        const handle = await current().evaluateHandle(findTarget, target);
        const found = handle.asElement();
        if (!found) await handle.dispose();
        return found;
      }, { timeout: 10000, what: describe(target) });
      await /** @type {import('puppeteer-core').ElementHandle<Element>} */ (element).click();
      await element.dispose();
    },
    async screenshot(shot) {
      const file = screenshotPath('firefox', shot);
      const view = /** @type {import('puppeteer-core').Viewport} */ (current().viewport());
      const tall = await growToPage((height) => current().setViewport({ ...view, height }),
        (fn) => current().evaluate(fn), view.height);
      await current().screenshot({ path: /** @type {`${string}.png`} */ (file) });
      if (tall > view.height) await current().setViewport(view);
      return file;
    },
    async errors() {
      const hooked = await current().evaluate(() => window.__bpErrors ?? ['(error hook missing)']);
      // The hook and Firefox's own 'pageerror' both see an uncaught error: keep each text once.
      return [...new Set([...hooked, ...consoleErrors.filter((text) => !text.startsWith('page error: '))])];
    },
    async close() {
      for (const browser of browsers.values()) await browser.close();
    },
  };
}

// ---- WebKit: MiniBrowser through WebKitWebDriver and selenium-webdriver -----------------------------------------

const freePort = () => new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});

/** Starts WebKitWebDriver on a free port and a MiniBrowser session through it. @param {boolean} dark */
async function webkitSession(dark) {
  const { Builder } = await import('selenium-webdriver');
  if (!process.env.DISPLAY) throw new Error('WebKit needs an X display: run under xvfb-run (see run.mjs)');
  const port = await freePort();
  // MiniBrowser's toolbar keeps its window at least 447 px wide; a user style sheet for GTK (not for web pages)
  // shrinks the toolbar so that the window, and the page's viewport, can be as narrow as a phone's 360 px.
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-webkit-'));
  fs.mkdirSync(path.join(config, 'gtk-3.0'));
  fs.writeFileSync(path.join(config, 'gtk-3.0/gtk.css'),
    '* { font-size: 4px; min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; -gtk-icon-transform: scale(0.5); }\n');
  const service = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: config },
  });
  let log = '';
  service.stderr.on('data', (chunk) => { log = (log + chunk).slice(-4000); });
  const exited = new Promise((resolve) => service.once('exit', resolve));
  const stop = async () => {
    if (service.exitCode === null) service.kill();
    await exited;
    fs.rmSync(config, { recursive: true, force: true });
  };
  try {
    // The driver listens a moment after it starts.
    await poll(() => fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false), { timeout: 15000, what: 'WebKitWebDriver' });
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...(dark ? ['--dark-mode'] : [])] },
    }).build();
    return { driver, stop };
  } catch (error) {
    await stop();
    throw new Error(`${/** @type {Error} */ (error).message}\n${log}`);
  }
}

/** @param {string} baseUrl @returns {Promise<Driver>} */
async function launchWebKit(baseUrl) {
  /** @type {Map<string, Awaited<ReturnType<typeof webkitSession>>>} */
  const sessions = new Map();
  const sessionFor = async (/** @type {'light' | 'dark'} */ scheme) => {
    if (!sessions.has(scheme)) sessions.set(scheme, await webkitSession(scheme === 'dark'));
    return /** @type {Awaited<ReturnType<typeof webkitSession>>} */ (sessions.get(scheme));
  };
  /** @type {import('selenium-webdriver').WebDriver} */
  let driver = (await sessionFor('light')).driver;
  /** @type {{width: number, height: number}} */
  let viewport = { width: 0, height: 0 };

  /** Resizes the window so that the page's viewport is width × height CSS px (the window adds its own frame). */
  async function setViewport(width, height) {
    const window = driver.manage().window();
    let inner = [0, 0];
    let outer = { width: 0, height: 0 };
    for (let attempt = 0; attempt < 6; attempt++) {
      inner = await driver.executeScript('return [window.innerWidth, window.innerHeight]');
      if (inner[0] === width && inner[1] === height) {
        viewport = { width, height };
        return;
      }
      outer = await window.getRect();
      // A window just opened may not have its size yet (0 × 0 inside): ask for the size itself first.
      const frame = inner[0] > 0 && inner[1] > 0 && outer.width >= inner[0] && outer.height >= inner[1]
        ? { width: outer.width - inner[0], height: outer.height - inner[1] } : { width: 0, height: 0 };
      await window.setRect({ x: 0, y: 0, width: Math.round(width + frame.width), height: Math.round(height + frame.height) });
    }
    throw new Error(`MiniBrowser's viewport is ${inner.join('×')} in a ${outer.width}×${outer.height} window, not ${width}×${height}`);
  }

  const evaluate = (fn, ...args) =>
    driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);

  return {
    name: 'webkit',
    async open(urlPath, view = {}) {
      driver = (await sessionFor(view.colorScheme ?? 'light')).driver;
      await driver.get('about:blank');
      await setViewport(view.width ?? 1280, view.height ?? 900);
      await driver.executeScript('window.__bpLeaving = true');
      await driver.get(new URL(urlPath, baseUrl).href);
      // get() can return before the new document has run its module scripts: wait for its load event.
      await poll(() => driver.executeScript('return !window.__bpLeaving && document.readyState === "complete"'),
        { what: `${urlPath} to load` });
    },
    evaluate,
    waitFor: (fn, arg, options = {}) => poll(() => evaluate(fn, arg), options),
    async click(target) {
      const element = await poll(() => driver.executeScript(`return (${findTarget})(arguments[0])`, target),
        { timeout: 10000, what: describe(target) });
      await driver.executeScript('arguments[0].scrollIntoView({block: "center", inline: "center"})', element);
      await element.click();
    },
    async screenshot(shot) {
      // WebDriver shoots the viewport: make the window as tall as the page for a whole-page picture, then restore.
      const file = screenshotPath('webkit', shot);
      const { width, height } = viewport;
      const tall = await growToPage((h) => setViewport(width, h), evaluate, height);
      fs.writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64'));
      if (tall > height) await setViewport(width, height);
      return file;
    },
    errors: () => evaluate(() => window.__bpErrors ?? ['(error hook missing)']),
    async close() {
      for (const { driver: session, stop } of sessions.values()) {
        await session.quit().catch(() => {});
        await stop();
      }
    },
  };
}
