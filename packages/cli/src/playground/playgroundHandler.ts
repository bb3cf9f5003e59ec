import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SiteFiles } from './buildPlayground';

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  wasm: 'application/wasm',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/**
 * A request handler serving built site files (see buildPlayground) under `prefix` (e.g.
 * `/playground/`): GET and HEAD only, a folder's path gives its index.html. It answers true when it
 * handled the request, false when the path is not under `prefix`, so a server can try it first.
 */
export function playgroundHandler(files: SiteFiles, prefix = '/'): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    if (path === prefix.replace(/\/$/, '') && prefix !== '/') {
      response.writeHead(301, { location: prefix }).end();
      return true;
    }
    if (!path.startsWith(prefix)) return false;
    const rest = path.slice(prefix.length);
    const name = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
    const body = files.get(name);
    // A folder named without its slash: to the folder, so that its page's relative links resolve.
    if (body === undefined && rest !== '' && files.has(`${rest}/index.html`)) {
      response.writeHead(301, { location: `${path}/` }).end();
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (body === undefined) {
      response.writeHead(404, { 'content-type': TYPES['txt']! }).end(`no ${name} in the playground\n`);
    } else {
      const type = TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
      response
        .writeHead(200, { 'content-type': type, 'content-length': body.byteLength, 'cache-control': 'no-cache' })
        .end(request.method === 'HEAD' ? undefined : body);
    }
    return true;
  };
}
