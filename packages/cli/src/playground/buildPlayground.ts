import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BROWSER_BUILD } from './browserBuild';
import { playgroundHtml, type PlaygroundHtmlOptions } from './playgroundHtml';
import type { PlaygroundDataId } from './playgroundRegistry';

/** A static site's files by path (`index.html`, `data/nb201/nb201.bin`), ready to write or serve. */
export type SiteFiles = Map<string, Uint8Array>;

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const DATA: readonly PlaygroundDataId[] = ['nb201', 'nb301', 'jahs'];

/**
 * The playground as static files: index.html, the page's script (with Vega and Vega-Lite), the
 * worker's (the packages, onnxruntime-web's loader), the WebAssembly it fetches for nb301, and the
 * benchmarks' data folders with their licences, which the worker fetches from `data/<id>/`. Built
 * by esbuild from the packages' sources, so it needs a checkout (esbuild is a development tool).
 */
export async function buildPlayground(options: PlaygroundHtmlOptions & { readonly minify?: boolean } = {}): Promise<SiteFiles> {
  const result = await build({
    entryPoints: { playground: join(here, 'playgroundPage.ts'), worker: join(here, 'playgroundWorker.ts') },
    ...BROWSER_BUILD,
    // The CPU-only build: its WebAssembly is half the size of the default's, which adds WebGPU.
    alias: { 'onnxruntime-web': 'onnxruntime-web/wasm' },
    minify: options.minify ?? true,
    legalComments: 'linked',
    outdir: 'out',
    logLevel: 'silent',
  });
  const files: SiteFiles = new Map();
  const encoder = new TextEncoder();
  files.set('index.html', encoder.encode(playgroundHtml(options)));
  for (const output of result.outputFiles) files.set(output.path.slice(output.path.lastIndexOf('out/') + 'out/'.length), output.contents);
  // onnxruntime-web fetches its WebAssembly beside the script that loads it; only the builds it names.
  const ort = dirname(require.resolve('onnxruntime-web'));
  const worker = new TextDecoder().decode(files.get('worker.js'));
  for (const wasm of new Set(worker.match(/ort-wasm[\w.-]*\.wasm/g) ?? [])) files.set(wasm, await readFile(join(ort, wasm)));
  const data = join(dirname(require.resolve('@jahskit/benchmarks/package.json')), 'data');
  for (const id of DATA) {
    for (const name of await readdir(join(data, id))) files.set(`data/${id}/${name}`, await readFile(join(data, id, name)));
  }
  return files;
}
