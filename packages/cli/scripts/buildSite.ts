// `npm run build:site`: the playground and the docs as one static folder (default site/ at the
// repository's root; another with --out <dir>). Serve it with any static server, or add --serve
// [port] to serve it here on 127.0.0.1; the playground fetches only its own files.
import { createServer } from 'node:http';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlayground, type SiteFiles } from '../src/playground/buildPlayground';
import { playgroundHandler } from '../src/playground/playgroundHandler';
import { docsSite } from '../src/site/docsSite';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Builds the site into `out`, emptied first; returns its files. */
export async function buildSite(out: string): Promise<SiteFiles> {
  const [playground, docs] = await Promise.all([
    buildPlayground({ docsHref: '../docs/index.html' }),
    docsSite(join(root, 'docs'), { playgroundHref: '../playground/index.html' }),
  ]);
  const index = new TextEncoder().encode(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>jahskit</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 640px; margin: 40px auto; padding: 0 14px">
<h1>jahskit</h1>
<ul><li><a href="playground/index.html">playground</a>: run seeded studies in your browser</li><li><a href="docs/index.html">documentation</a></li></ul>
</body></html>
`);
  const files: SiteFiles = new Map([['index.html', index]]);
  for (const [path, bytes] of playground) files.set(`playground/${path}`, bytes);
  for (const [path, bytes] of docs) files.set(`docs/${path}`, bytes);
  await rm(out, { recursive: true, force: true });
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(out, path)), { recursive: true });
    await writeFile(join(out, path), bytes);
  }
  return files;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at > 0 ? (process.argv[at + 1] ?? '') : undefined;
  };
  const out = resolve(flag('--out') || join(root, 'site'));
  const files = await buildSite(out);
  process.stdout.write(`wrote ${files.size} files to ${out}\n`);
  const port = flag('--serve');
  if (port !== undefined) {
    const handle = playgroundHandler(files, '/');
    const server = createServer((request, response) => void handle(request, response));
    server.listen(/^\d+$/.test(port) ? Number(port) : 0, '127.0.0.1', () => {
      const address = server.address();
      process.stdout.write(`serving it at http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}/ (Ctrl-C to stop)\n`);
    });
  }
}
