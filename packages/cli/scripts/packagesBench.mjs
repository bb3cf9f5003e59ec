// The figures of docs/performance.md, "Packages": what an install of the packed packages weighs and
// takes, and how fast `jahskit --version` and `jahskit eval` of one nb201 line start, installed from
// the tarballs and in this checkout (its build when fresh, else the sources through tsx).
//
//   node packages/cli/scripts/packagesBench.mjs [runs]
//
// Start-up times are wall-clock, min and median of `runs` (default 15) interleaved runs: on a shared
// machine the min is the better estimate of the unloaded time. Run `npm run build` first for the
// checkout's figures from its build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from '../bin/isBuildFresh.js';
import { installTarballs, packPackages } from './packedApps.mjs';

const runs = Number(process.argv[2] ?? 15);
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const NB201_LINE = '{"config":{"arch":"|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"}}\n';
const MB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

const dir = mkdtempSync(join(tmpdir(), 'jahskit-packages-bench-'));
try {
  const packed = await packPackages(repo, join(dir, 'packs'));
  console.log('tarballs:', packed.map((p) => `${p.name} ${MB(p.size)} (${MB(p.unpackedSize)} unpacked)`).join(', '));
  const all = await installTarballs(
    join(dir, 'all'),
    packed.map((p) => p.tarball),
  );
  const installed = join(dir, 'all', 'node_modules', '@jahskit', 'cli', 'bin', 'jahskit.js');
  const checkout = join(repo, 'packages', 'cli', 'bin', 'jahskit.js');
  const fresh = isBuildFresh(join(repo, 'packages'));
  const commands = {
    'node -e 0': [['-e', '0']],
    'installed: jahskit --version': [[installed, '--version']],
    'installed: jahskit eval (one nb201 line)': [[installed, 'eval', '--benchmark', 'nb201'], NB201_LINE],
    [`checkout (${fresh ? 'fresh build' : 'sources through tsx'}): jahskit --version`]: [[checkout, '--version']],
    [`checkout (${fresh ? 'fresh build' : 'sources through tsx'}): jahskit eval (one nb201 line)`]: [[checkout, 'eval', '--benchmark', 'nb201'], NB201_LINE],
  };
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, [args, input]] of Object.entries(commands)) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { input, cwd: dir, encoding: 'utf8' });
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
      samples[name].push(wall);
    }
  }
  for (const [name, walls] of Object.entries(samples)) {
    const sorted = [...walls].sort((a, b) => a - b);
    console.log(`${name}: min ${sorted[0].toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms wall (${runs} runs)`);
  }
  const tarball = (name) => packed.find((p) => p.name === `@jahskit/${name}`).tarball;
  const installs = {
    'core, spaces, multiobjective, optimizers': ['core', 'spaces', 'multiobjective', 'optimizers'].map(tarball),
    '+ benchmarks (onnxruntime-web)': ['core', 'spaces', 'multiobjective', 'optimizers', 'benchmarks'].map(tarball),
  };
  for (const [what, tarballs] of Object.entries(installs)) {
    const { seconds, bytes } = await installTarballs(join(dir, what.replace(/\W+/g, '-')), tarballs);
    console.log(`install ${what}: ${MB(bytes)} node_modules, ${seconds.toFixed(1)} s (npm cache warm, --prefer-offline)`);
  }
  // Its install script only downloads CUDA libraries (Linux x64), which jahskit does not use.
  process.env.ONNXRUNTIME_NODE_INSTALL = 'skip';
  const { bytes } = await installTarballs(join(dir, 'native'), [...packed.map((p) => p.tarball), 'onnxruntime-node']);
  console.log(`install all seven + onnxruntime-node: ${MB(bytes)} node_modules`);

  console.log(`install all seven (with cli, storage): ${MB(all.bytes)} node_modules, ${all.seconds.toFixed(1)} s (npm cache warm, --prefer-offline)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
