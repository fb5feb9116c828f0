// A tiny static server for the built explainer, as a host would serve it: from a sub-path, with
// the strict Content-Security-Policy and CORS header of the README's "Hosting" section.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

/** The header every response carries, exactly as the README's hosting section gives it. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

/** The sub-path the tests serve the build from. */
export const BASE = '/explainers/miner-debt/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the directory `root` under `base` on 127.0.0.1 (a free port unless `port` is given).
 * Resolves to { origin, url, base, close() }; `url` is the page's address (origin + base).
 * `headers` are added to (or override) the default CSP and CORS headers.
 */
export async function startStaticServer({ root, base = BASE, port = 0, headers = {} } = {}) {
  if (!root) throw new Error('startStaticServer: root is required');
  const rootDir = path.resolve(root);
  const common = {
    'Content-Security-Policy': CSP,
    'Access-Control-Allow-Origin': '*',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...headers,
  };

  const server = http.createServer(async (req, res) => {
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { ...common, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (pathname === base.replace(/\/$/, '')) return send(301, 'moved\n', { Location: base });
    if (!pathname.startsWith(base)) return send(404, `not found: only ${base} is served here\n`);

    let rel = pathname.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(rootDir, rel);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return send(403, 'forbidden\n');

    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, `not found: ${pathname}\n`);
    }
    if (!info.isFile()) return send(404, `not found: ${pathname}\n`);

    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, { ...common, 'Content-Type': type, 'Content-Length': info.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base,
    url: origin + base,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
