// A static file server on 127.0.0.1 for the test pages, sending the strict Content-Security-Policy
// that real chat sites send: no inline script, no eval, no wasm compilation in the page. A content
// script that tried to compile wasm here would fail in Chromium, so every test re-proves that the
// engine lives in the background.
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STRICT_CSP = "script-src 'self'; object-src 'none'";

const PAGES = fileURLToPath(new URL('../pages/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** A throwaway self-signed certificate: `{ key, cert }` in PEM. Browsers must be told to accept it. */
function throwawayCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'hush-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=hush-test',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves tests/e2e/pages on a free port; resolves with `{ origin, port, close }`. With `https`,
 * over TLS with a throwaway self-signed certificate (for host names on the HSTS preload list).
 */
export async function servePages(root = PAGES, { https = false } = {}) {
  const handler = async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': STRICT_CSP,
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
  const server = https ? createHttpsServer(throwawayCertificate(), handler) : createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${https ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
  return { origin, port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}
