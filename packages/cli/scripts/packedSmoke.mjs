// The smoke test CI runs on each supported Node.js besides the machine's own (which runs the whole
// suite): pack the packages, install the tarballs into a new folder, run the ESM and CommonJS apps of
// packedApps.mjs (ask/tell loops, one surrogate evaluation on onnxruntime-web) and the installed
// `jahskit` command, all on the Node.js that runs this script:
//
//   npx -y -p node@22 node packages/cli/scripts/packedSmoke.mjs
//
// Exits 1 with what went wrong; prints one summary line otherwise. Builds first when the build is
// older than the sources.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isBuildFresh } from '../bin/isBuildFresh.js';
import { appEntry, installTarballs, packPackages, writeApps } from './packedApps.mjs';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const NB201_LINE = '{"config":{"arch":"|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"}}\n';

function fail(message) {
  process.stderr.write(`packed smoke test on Node ${process.version}: ${message}\n`);
  process.exit(1);
}

async function node(args, options = {}) {
  const child = run(process.execPath, args, { maxBuffer: 16 << 20, ...options });
  if (options.input !== undefined) child.child.stdin.end(options.input);
  return child;
}

if (!isBuildFresh(join(repo, 'packages'))) {
  process.stderr.write('packed smoke test: a build is older than its sources; running npm run build\n');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
}

const dir = mkdtempSync(join(tmpdir(), 'jahskit-smoke-'));
try {
  const packed = await packPackages(repo, join(dir, 'packs'));
  const app = join(dir, 'app');
  // With the app's own inversify of another major, as in the packaging test.
  const installed = await installTarballs(
    app,
    packed.map((p) => p.tarball),
    ['inversify@6'],
  );
  writeApps(app);
  const [esm, cjs] = await Promise.all([node([appEntry(app, 'esm'), '--surrogate']), node([appEntry(app, 'cjs'), '--surrogate'])]).catch((error) =>
    fail(`an app failed: ${error.stderr || error.message}`),
  );
  if (esm.stdout !== cjs.stdout) fail(`the ESM and CommonJS apps disagree:\n  ${esm.stdout.trim()}\n  ${cjs.stdout.trim()}`);
  const out = JSON.parse(esm.stdout);
  if (typeof out.nb201?.valid_error !== 'number' || typeof out.synthetic?.y !== 'number') fail(`no study result: ${esm.stdout.trim()}`);
  if (!/^createRegistry: modules\[0\] is an inversify ContainerModule/.test(out.foreignModule))
    fail(`inversify 6's module gave ${JSON.stringify(out.foreignModule)}`);
  if (out.surrogate?.runtime !== 'onnxruntime-web' || !Number.isFinite(out.surrogate?.valid_error))
    fail(`no surrogate evaluation on onnxruntime-web: ${esm.stdout.trim()}`);
  const bin = join(app, 'node_modules', '@jahskit', 'cli', 'bin', 'jahskit.js');
  const version = (await node([bin, '--version'])).stdout.trim();
  const evaluated = JSON.parse((await node([bin, 'eval', '--benchmark', 'nb201'], { cwd: app, input: NB201_LINE })).stdout);
  if (typeof evaluated.objectives?.valid_error !== 'number') fail(`jahskit eval answered ${JSON.stringify(evaluated)}`);
  process.stdout.write(
    `packed smoke test on Node ${process.version}: installed in ${installed.seconds.toFixed(1)} s (${(installed.bytes / 1e6).toFixed(0)} MB); ` +
      `nb201 best ${out.nb201.valid_error}, branin best ${out.synthetic.y.toFixed(4)}, jahs ${out.surrogate.valid_error.toFixed(4)} on ${out.surrogate.runtime}; ` +
      `jahskit ${version} eval ${evaluated.objectives.valid_error}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
