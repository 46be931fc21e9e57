import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { matchesIfNoneMatch } from './caching.js';
import { HttpError } from './problem.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.d.ts': 'text/plain; charset=utf-8',
};

const notFound = () => new HttpError(404, 'not_found', 'No such file.');

/**
 * Serves the files under `root` for URL paths under `prefix` (GET and HEAD). Refuses anything
 * that could leave the folder: `..` segments, encoded slashes and NUL, dotfiles, and symlinks
 * pointing outside. Directories serve their index.html.
 */
export function staticFiles(root: string, prefix: string) {
  const base = resolve(root);
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new HttpError(405, 'method_not_allowed', 'Static files answer GET and HEAD only.', {
        headers: { Allow: 'GET, HEAD' },
      });
    }
    const url = new URL(request.url);
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      throw notFound();
    }
    const segments = rel.split('/').filter(Boolean);
    if (rel.includes('\0') || rel.includes('\\') || segments.some((s) => s.startsWith('.'))) throw notFound();
    let file = resolve(base, ...segments);
    if (file !== base && !file.startsWith(base + sep)) throw notFound();
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      // A directory URL without its slash would resolve the page's relative links wrongly.
      if (!url.pathname.endsWith('/'))
        return new Response(null, { status: 308, headers: { Location: `${url.pathname}/${url.search}` } });
      file = resolve(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) throw notFound();
    const real = await realpath(file);
    const realBase = await realpath(base);
    if (!real.startsWith(realBase + sep)) throw notFound();

    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const name = file.toLowerCase();
    const headers = new Headers({
      'Content-Type':
        (name.endsWith('.d.ts') ? contentTypes['.d.ts'] : contentTypes[extname(name)]) ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    });
    // The bundle is a CDN bundle: any page may load it.
    if (prefix !== '') headers.set('Access-Control-Allow-Origin', '*');
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag))
      return new Response(null, { status: 304, headers });
    headers.set('Content-Length', String(info.size));
    return new Response(request.method === 'HEAD' ? null : await readFile(real), { status: 200, headers });
  };
}
