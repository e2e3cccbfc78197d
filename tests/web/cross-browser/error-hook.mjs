// A Vite preview plugin for the Firefox and WebKit runs: every HTML page is served with one extra classic script as
// the first thing in <head>, /__bp-error-hook.js, which records uncaught errors, unhandled promise rejections,
// resources that fail to load and Content-Security-Policy violations into window.__bpErrors before any page script
// runs. WebDriver classic (WebKit) reports neither console messages nor page errors and cannot run a script before the
// page's own, so the page tells us itself. The script is same-origin, so the strict CSP of the embed pages allows it.
// Pages are otherwise served byte for byte, with the preview's headers.
import fs from 'node:fs';
import path from 'node:path';

const HOOK_URL = '/__bp-error-hook.js';

// Runs in the page (served as text).
function hook() {
  const errors = (window.__bpErrors = []);
  window.addEventListener('error', (event) => {
    // A resource that fails to load fires 'error' on its element (captured here too): name it.
    const target = event.target;
    if (target && target !== window && target instanceof Element) {
      errors.push(`failed to load: <${target.localName}> ${target.getAttribute('src') ?? target.getAttribute('href') ?? ''}`);
    } else {
      errors.push(`page error: ${event.message}${event.filename ? ` (${event.filename}:${event.lineno})` : ""}`);
    }
  }, true);
  document.addEventListener('securitypolicyviolation', (event) => {
    errors.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI || event.sample}`);
  });
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    errors.push(`unhandled rejection: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  });
}

/** @param {string} siteDir the built site @returns {import('vite').Plugin} */
export function errorHookPlugin(siteDir) {
  return {
    name: 'bp-error-hook',
    configurePreviewServer(server) {
      const headers = server.config.preview.headers ?? {};
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        if (url.pathname === HOOK_URL) {
          res.setHeader('Content-Type', 'text/javascript');
          for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
          return res.end(`(${hook})();\n`);
        }
        const name = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
        if (!name.endsWith('.html')) return next();
        const file = path.join(siteDir, decodeURIComponent(name));
        if (!file.startsWith(siteDir + path.sep) || !fs.existsSync(file)) return next();
        const html = fs.readFileSync(file, 'utf8').replace(/<head(\s[^>]*)?>/i, (tag) => `${tag}<script src="${HOOK_URL}"></script>`);
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        return res.end(html);
      });
    },
  };
}
