// A plain static file server for the package and static-site-generator tests: one folder on a free 127.0.0.1 port
// with the right MIME types (application/wasm, text/javascript, font/woff2) and the headers a test asks for
// (CORS or not, a Content-Security-Policy). Serving only: asserts nothing, no directory listings.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

/** @param {string} root @param {Record<string, string>} [headers] @returns {Promise<{url: string, close: () => Promise<void>}>} */
export function serveFolder(root, headers = {}) {
  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = path.join(root, path.normalize(urlPath).replace(/^(\.\.[/\\])+/, ''));
    if (urlPath === '/favicon.ico') { response.writeHead(204, headers); response.end(); return; }  // browsers ask; no noise
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(root) || !fs.existsSync(file)) { response.writeHead(404, headers); response.end('not found'); return; }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headers });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    resolve({ url: `http://127.0.0.1:${address.port}`, close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }) });
  }));
}

/** The strict CSP with more origins allowed for scripts, fetches (wasm), fonts and frames. @param {string[]} origins */
export function cspAllowing(...origins) {
  const o = origins.join(' ');
  return `default-src 'self'; script-src 'self' ${o} 'wasm-unsafe-eval'; connect-src 'self' ${o}; font-src 'self' ${o}; style-src 'self'; frame-src 'self' ${o}`;
}
