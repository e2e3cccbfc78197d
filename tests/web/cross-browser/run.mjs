// Runs the journeys (journeys.mjs) in one browser: `node --test-reporter=spec tests/web/cross-browser/run.mjs firefox`
// or `... run.mjs webkit` (CTest: browser.firefox, browser.webkit). The site is served by the harness's Vite preview
// server twice, plainly and with the embed tests' strict Content-Security-Policy, each page with the error hook of
// error-hook.mjs. WebKit's MiniBrowser needs an X display: without one this script runs itself again under xvfb-run.
// Screenshots: build/screenshots/<browser>-*.png ($BP_SCREENSHOT_DIR).
import { test, before, after } from 'node:test';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, siteDir } from '../harness.mjs';
import { STRICT_CSP } from '../embed-helpers.mjs';
import { loadModule } from '../../node/load-engine.mjs';
import { wrapEngine } from '../../../web/src/engine/engine.js';
import { launch } from './drivers.mjs';
import { errorHookPlugin } from './error-hook.mjs';
import { journeys } from './journeys.mjs';

const browser = process.argv[2];
if (browser !== 'firefox' && browser !== 'webkit') {
  console.error('usage: node tests/web/cross-browser/run.mjs firefox|webkit');
  process.exit(2);
}

if (browser === 'webkit' && !process.env.DISPLAY) {
  // A 1920×1080 screen: xvfb-run's default 640×480 would shrink MiniBrowser's window.
  const run = spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1920x1080x24', process.execPath, ...process.execArgv,
    fileURLToPath(import.meta.url), browser], { stdio: 'inherit' });
  if (run.error) console.error(`xvfb-run: ${run.error.message} (apt-get install xvfb)`);
  process.exit(run.status ?? 1);
}

/** @type {import('./journeys.mjs').Context} */
const context = /** @type {any} */ ({});
const servers = [];

before(async () => {
  const plugins = [errorHookPlugin(siteDir)];
  const [plain, csp, module] = await Promise.all([
    startServer({ plugins }),
    startServer({ plugins, headers: { 'Content-Security-Policy': STRICT_CSP } }),
    loadModule(),
  ]);
  servers.push(plain, csp);
  Object.assign(context, { csp, module, engine: wrapEngine(module), driver: await launch(browser, plain.baseUrl) });
});

after(async () => {
  await context.driver?.close();
  for (const server of servers) await server.close();
});

for (const journey of journeys) {
  test(`${browser}: ${journey.name}`, { timeout: 180000 }, async () => {
    try {
      await journey.run(context);
    } catch (error) {
      await context.driver.screenshot(`FAILED-${journeys.indexOf(journey) + 1}`).catch(() => {});
      throw error;
    }
  });
}
