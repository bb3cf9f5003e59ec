import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataFilesAt } from '@jahskit/benchmarks/nb201';
import { BROWSER_BUILD } from '../playground/browserBuild';
import { chromiumPath } from './browserFixtures';
import { browserStudies, type BrowserStudyNumbers, type StudyTrace } from './browserStudies';

const here = dirname(fileURLToPath(import.meta.url));
const data = fileURLToPath(new URL('../../../benchmarks/data/', import.meta.url));
// onnxruntime-web's dist folder, where its .wasm files are.
const wasm = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));

/**
 * core, spaces, optimizers, multiobjective and the browser subpaths of benchmarks, bundled by esbuild
 * for the browser as an app's bundler would, from the packages' sources. Node's modules cannot be
 * bundled for a browser: the build fails if any of them is imported.
 */
async function bundle(): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    stdin: {
      contents:
        "import { dataFilesAt } from '@jahskit/benchmarks/nb201';\nimport { browserStudies } from './browserStudies';\nglobalThis.runBrowserStudies = (base) => browserStudies((id) => dataFilesAt(new URL(`${id}/`, base)));\n",
      resolveDir: here,
      loader: 'ts',
    },
    ...BROWSER_BUILD,
    metafile: true,
    logLevel: 'silent',
    outfile: 'bundle.js',
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

/** Serves the page, the bundle, onnxruntime-web's WebAssembly (fetched beside the bundle) and /data/. */
function serve(code: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://localhost').pathname);
    const send = (type: string, body: string | Buffer): void => void response.writeHead(200, { 'content-type': type }).end(body);
    if (path === '/') return send('text/html', '<!doctype html><script type="module" src="/bundle.js"></script>');
    if (path === '/bundle.js') return send('text/javascript', code);
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    const file = path.endsWith('.wasm')
      ? join(wasm, path.slice(1))
      : path.startsWith('/data/')
        ? normalize(join(data, path.slice('/data/'.length)))
        : undefined;
    if (file === undefined || (path.startsWith('/data/') && !file.startsWith(data)) || file.includes(`${sep}..${sep}`))
      return void response.writeHead(404).end();
    readFile(file).then(
      (bytes) => send(path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream', bytes),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The same trials, every objective within 1e-12 relative of Node's. */
function expectCloseTraces(browser: StudyTrace, node: StudyTrace): void {
  expect(browser.map((row) => row.length)).toEqual(node.map((row) => row.length));
  const far = browser.flatMap((row, i) =>
    row.filter((x, j) => Math.abs(x - node[i]![j]!) > 1e-12 * Math.max(1, Math.abs(x))).map((x, j) => `trial ${i}: ${x} vs ${node[i]![j]}`),
  );
  expect(far).toEqual([]);
}

describe('a seeded study in Chromium', () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  let bundled: { code: string; inputs: string[] };
  beforeAll(async () => {
    bundled = await bundle();
  });

  test('the bundle holds none of Node: no fs, no onnxruntime-node, no storage', () => {
    expect(bundled.inputs.filter((input) => /onnxruntime-node|packages[\\/]storage[\\/]|benchmarks[\\/]src[\\/]nashpobench2|node:/.test(input))).toEqual([]);
    expect(bundled.inputs.some((input) => input.includes('onnxruntime-web'))).toBe(true);
  });

  test("gives Node's numbers: bit for bit on nb201 and on jahs (onnxruntime-web and jahskit's tree evaluator), to 1e-12 on Branin and ZDT1", async () => {
    server = await serve(bundled.code);
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await page.goto(origin);
    await page.waitForFunction(() => 'runBrowserStudies' in globalThis);
    const [inBrowser, inNode] = await Promise.all([
      page.evaluate(
        async (base) => JSON.stringify(await (globalThis as unknown as { runBrowserStudies: (b: string) => Promise<unknown> }).runBrowserStudies(base)),
        `${origin}data/`,
      ),
      browserStudies((id) => dataFilesAt(join(data, id))),
    ]);
    const numbers = JSON.parse(inBrowser) as BrowserStudyNumbers;
    expect(errors).toEqual([]);
    const node = JSON.parse(JSON.stringify(inNode)) as BrowserStudyNumbers;
    // Discrete spaces and the surrogate: bit for bit.
    expect(numbers.nb201).toEqual(node.nb201);
    expect(numbers.jahs).toEqual(node.jahs);
    expect(numbers.jahsTrees).toEqual(node.jahs);
    // Continuous spaces: the same trials to the last bit but one. This Chromium's Math.exp, log, cos,
    // pow and atan2 return the neighbouring double of Node 20's for a few percent of arguments
    // (Debian's build; Node 24's Math.pow differs from Node 20's too), and TPE and NSGA-II draw with them.
    expectCloseTraces(numbers.branin, node.branin);
    expectCloseTraces(numbers.zdt1, node.zdt1);
    expect(numbers.zdt1Hypervolume).toBeCloseTo(node.zdt1Hypervolume, 12);
    expect(numbers.nb201).toHaveLength(120);
    expect(numbers.jahs).toHaveLength(16);
    expect(numbers.zdt1Hypervolume).toBeGreaterThan(0);
  });
});
