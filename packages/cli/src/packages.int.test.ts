import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APPS, appEntry, installTarballs, packPackages, writeApps, type PackedPackage } from '../scripts/packedApps.mjs';
import { memoryIo } from './cliFixtures';
import { runCli } from './runCli';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const NB201_LINE = '{"config":{"arch":"|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"}}\n';

const node = (args: readonly string[], options: { cwd?: string; input?: string } = {}): Promise<{ stdout: string; stderr: string }> => {
  const child = run(process.execPath, args, { cwd: options.cwd ?? repo, maxBuffer: 16 << 20 });
  if (options.input !== undefined) child.child.stdin!.end(options.input);
  return child;
};

/**
 * The packages as a user gets them: packed (the build is made fresh by scripts/buildGlobalSetup.ts),
 * installed by plain `npm install` of the tarballs into a new folder with no .npmrc, next to
 * inversify 6 (another major than jahskit's), and used from ESM, CommonJS and TypeScript apps.
 */
describe('the packed packages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jahskit-packed-'));
  const app = join(dir, 'app');
  let packed: PackedPackage[] = [];
  // Started as soon as the apps exist and awaited by the tests: the compilers and the apps then run
  // beside the in-process checks instead of after them.
  let compiled: Promise<string[]>;
  let ran: Promise<[{ stdout: string; stderr: string }, { stdout: string; stderr: string }]>;
  const typescript = Object.keys(APPS).filter((name) => name.startsWith('ts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    packed = await packPackages(repo, join(dir, 'packs'));
    const installed = await installTarballs(
      app,
      packed.map((p) => p.tarball),
      ['inversify@6'],
    );
    writeApps(app);
    compiled = Promise.all(
      typescript.map((name) =>
        node([tsc, '-p', join(app, name)]).then(
          () => '',
          (error: { stdout?: string }) => `${name}: ${error.stdout ?? String(error)}`,
        ),
      ),
    );
    ran = Promise.all([node([appEntry(app, 'esm'), '--surrogate']), node([appEntry(app, 'cjs'), '--surrogate'])]);
    // Reported by the tests that await them, not as unhandled rejections.
    compiled.catch(() => undefined);
    ran.catch(() => undefined);
    console.info(
      `packed ${packed.map((p) => `${p.name} ${(p.size / 1e6).toFixed(2)} MB`).join(', ')}; installed in ${installed.seconds.toFixed(1)} s, node_modules ${(installed.bytes / 1e6).toFixed(0)} MB`,
    );
  }, 180_000);

  test('publint finds nothing to fix in any package (strict: warnings count)', async () => {
    expect(packed.map((p) => p.name).sort()).toEqual([
      '@jahskit/benchmarks',
      '@jahskit/cli',
      '@jahskit/core',
      '@jahskit/multiobjective',
      '@jahskit/optimizers',
      '@jahskit/spaces',
      '@jahskit/storage',
    ]);
    const problems: string[] = [];
    for (const { name, tarball } of packed) {
      const bytes = readFileSync(tarball);
      const { messages, pkg } = await publint({
        pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer },
        strict: true,
      });
      problems.push(...messages.map((m) => `${name}: ${formatMessage(m, pkg) ?? m.code}`));
    }
    expect(problems).toEqual([]);
  });

  test('are the types wrong: every entry resolves to types and code under node16 (from CJS and ESM) and bundler', async () => {
    const problems: string[] = [];
    for (const { name, tarball } of packed) {
      const result = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
      if (result.types === false) {
        problems.push(`${name}: no types`);
        continue;
      }
      // node10 cannot see subpath exports at all; it is not a supported resolution.
      for (const problem of result.problems) {
        const where = problem as { entrypoint?: string; resolutionKind?: string; resolutionOption?: string };
        if (where.resolutionKind === 'node10' || where.resolutionOption === 'node10') continue;
        problems.push(`${name}: ${problem.kind} ${where.entrypoint ?? ''} (${where.resolutionKind ?? where.resolutionOption ?? ''})`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('ESM and CommonJS apps run the same ask/tell loops to the same numbers; a surrogate runs on onnxruntime-web; inversify 6 beside jahskit is one clear error', async () => {
    const [esm, cjs] = await ran;
    const a = JSON.parse(esm.stdout) as Record<string, unknown>;
    expect(JSON.parse(cjs.stdout)).toEqual(a);
    expect(a['nb201']).toEqual({ valid_error: expect.any(Number) });
    expect(a['synthetic']).toEqual({ y: expect.any(Number) });
    expect(a['hypervolume']).toBe(6);
    expect(a['foreignModule']).toMatch(
      /^createRegistry: modules\[0\] is an inversify ContainerModule, not a jahskit plugin module; make plugin modules with definePlugin/,
    );
    // onnxruntime-node is an optional peer dependency, so a plain install runs the WebAssembly one.
    expect(a['surrogate']).toEqual({ runtime: 'onnxruntime-web', valid_error: expect.any(Number) });
    expect(esm.stderr + cjs.stderr).toBe('');
  });

  test('TypeScript apps type-check strictly against the published declarations (node16 ESM and CJS, bundler) and run alike', async () => {
    expect((await compiled).filter((e) => e !== '')).toEqual([]);
    const outputs = await Promise.all(typescript.map(async (name) => JSON.parse((await node([appEntry(app, name)])).stdout) as unknown));
    // The JavaScript apps' loops, without the parts only they run (the surrogate, inversify 6).
    const { foreignModule: _foreign, surrogate: _surrogate, ...expected } = JSON.parse((await ran)[0].stdout) as Record<string, unknown>;
    for (const output of outputs) expect(output).toEqual(expected);
  });

  test('the jahskit command from the tarball: --version, and eval of one nb201 line as from the sources', async () => {
    const bin = join(app, 'node_modules', '@jahskit', 'cli', 'bin', 'jahskit.js');
    const version = JSON.parse(readFileSync(join(repo, 'packages', 'cli', 'package.json'), 'utf8')).version as string;
    expect((await node([bin, '--version'])).stdout).toBe(`${version}\n`);
    const installed = await node([bin, 'eval', '--benchmark', 'nb201'], { cwd: app, input: NB201_LINE });
    const io = memoryIo(NB201_LINE);
    expect(await runCli(['eval', '--benchmark', 'nb201'], io)).toBe(0);
    expect(installed.stdout).toBe(io.out());
    expect(installed.stderr).toBe('');
  });
});
