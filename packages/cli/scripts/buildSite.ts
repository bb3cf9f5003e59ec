// `npm run build:site`: the playground and the docs as one static folder (default site/ at the
// repository's root; another with --out <dir>). Serve it with any static server; the playground
// fetches only its own files.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlayground, type SiteFiles } from '../src/playground/buildPlayground';
import { docsSite } from '../src/site/docsSite';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Builds the site into `out`, emptied first; returns how many files it wrote. */
export async function buildSite(out: string): Promise<number> {
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
  return files.size;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = resolve(at > 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : join(root, 'site'));
  const count = await buildSite(out);
  process.stdout.write(
    `wrote ${count} files to ${out} (open ${join(out, 'index.html')} through a static server: the playground's worker does not load from file:)\n`,
  );
}
