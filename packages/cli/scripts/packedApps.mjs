// Plain JavaScript: the smoke test runs it on other Node versions (npx -p node@22 node ...), with no
// TypeScript loader.
//
// Packs the workspace packages and installs the tarballs into a new folder as a user would (plain
// `npm install`, no .npmrc), then writes small apps there that use them as published: ESM, CommonJS
// and TypeScript (node16 and bundler resolution). Shared by the packaging test
// (src/packages.int.test.ts) and the smoke test .ci/run runs on Node 22 and 24 (packedSmoke.mjs).
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * `npm pack` of every workspace into `destination`; resolves to each package's name, tarball path,
 * packed and unpacked size.
 */
export async function packPackages(repoRoot, destination) {
  mkdirSync(destination, { recursive: true });
  const { stdout } = await run(npm, ['pack', '--workspaces', '--json', '--pack-destination', destination], { cwd: repoRoot, maxBuffer: 64 << 20 });
  return JSON.parse(stdout).map((p) => ({ name: p.name, tarball: join(destination, p.filename), size: p.size, unpackedSize: p.unpackedSize }));
}

/**
 * A new app folder with the tarballs (and `extra` registry packages) installed by plain `npm install`.
 * The npm cache is used first (--prefer-offline); the registry is asked only for what it lacks.
 * Resolves to the install's wall time in seconds and the size of node_modules in bytes.
 */
export async function installTarballs(appDir, tarballs, extra = []) {
  mkdirSync(appDir, { recursive: true });
  writeFileSync(join(appDir, 'package.json'), `${JSON.stringify({ name: 'jahskit-packed-app', private: true }, null, 2)}\n`);
  const started = Date.now();
  await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, ...extra], {
    cwd: appDir,
    maxBuffer: 64 << 20,
    // No npm settings of this repository or its CI may leak in: a consumer has none.
    env: withoutNpmConfig(process.env),
  });
  return { seconds: (Date.now() - started) / 1000, bytes: folderBytes(join(appDir, 'node_modules')) };
}

function withoutNpmConfig(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_config_/i.test(key)));
}

/** Bytes of the files under a folder (what `du --apparent-size` counts). */
export function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

// The app: written once, valid as JavaScript and as strict TypeScript (no annotations needed), so
// every module format runs the very same loop and must print the very same numbers.
const IMPORTS = [
  ['@jahskit/core', ['CoreError', 'createRegistry', 'Study']],
  ['@jahskit/spaces', ['ConfigurationSpace', 'float', 'categorical']],
  ['@jahskit/optimizers', ['tpeModule', 'randomSearchModule']],
  ['@jahskit/multiobjective', ['hypervolume']],
  ['@jahskit/benchmarks/nb201', ['nb201Module']],
  ['@jahskit/benchmarks/synthetic', ['syntheticModule']],
  ['@jahskit/benchmarks/jahs', ['createJahsBenchmark', 'onnxRuntime']],
  ['@jahskit/storage', ['openStorage']],
];

const MAIN = `
async function main(foreignModule: unknown, surrogate: boolean) {
  const out: Record<string, unknown> = {};
  // Ask/tell on two benchmarks, with plugins loaded by the app.
  const registry = createRegistry([tpeModule, randomSearchModule, nb201Module, syntheticModule]);
  for (const [id, options] of [['synthetic', { instance: 'branin', maxEpoch: 1 }], ['nb201', {}]] as const) {
    const benchmark = await registry.createBenchmark(id, options, { env: {} });
    const context = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 7 };
    const study = new Study({ ...context, optimizer: registry.createOptimizer('tpe', {}, context) });
    for (let round = 0; round < 15; round++) {
      for (const trial of study.ask(2)) {
        const [evaluation] = await benchmark.evaluate([{ config: trial.config, fidelity: trial.fidelity, seed: 0 }]);
        const objectives: Record<string, number> = {};
        for (const objective of benchmark.objectives) objectives[objective.name] = evaluation!.metrics[objective.name]!;
        study.tell({ trialId: trial.id, objectives, cost: evaluation!.cost });
      }
    }
    out[id] = study.best()?.objectives;
  }
  // A multi-objective kernel on typed arrays, and a study storage (memory: here; file: and postgresql: alike).
  out['hypervolume'] = hypervolume(new Float64Array([1, 3, 2, 2, 3, 1]), 2, [4, 4]);
  out['storage'] = openStorage('memory:').location;
  // A plugin module of another inversify than jahskit's own.
  if (foreignModule !== undefined) {
    try {
      createRegistry([foreignModule as never]);
      out['foreignModule'] = 'accepted';
    } catch (error) {
      out['foreignModule'] = CoreError.is(error) ? error.message : String(error);
    }
  }
  // One surrogate evaluation, on whichever ONNX runtime is installed.
  if (surrogate) {
    const jahs = await createJahsBenchmark({ objectives: ['valid_error'], variant: 'joint', intraOpNumThreads: 1 });
    const [evaluation] = await jahs.evaluate([{ config: jahs.space.defaultConfiguration(), fidelity: jahs.fidelitySpace.defaultConfiguration(), seed: 0 }]);
    out['surrogate'] = { runtime: (await onnxRuntime()).name, valid_error: evaluation!.metrics['valid_error'] };
    await jahs.close?.();
  }
  return out;
}
`;

/** TypeScript-only syntax removed: what the JavaScript apps run. */
function javascript(source) {
  return source
    .replace(/\((\w+): unknown, (\w+): boolean\)/, '($1, $2)')
    .replaceAll(': Record<string, unknown> = {}', ' = {}')
    .replaceAll(': Record<string, number> = {}', ' = {}')
    .replaceAll(' as const', '')
    .replaceAll(' as never', '')
    .replaceAll('!.', '.')
    .replaceAll(']!', ']');
}

const esmImports = IMPORTS.map(([from, names]) => `import { ${names.join(', ')} } from '${from}';`).join('\n');
const cjsImports = IMPORTS.map(([from, names]) => `const { ${names.join(', ')} } = require('${from}');`).join('\n');
// The TypeScript apps see no @types/node: they declare the one Node global they use.
const tsProcess = 'declare const process: { argv: string[]; exitCode: number | undefined };';
const print =
  "main(foreign, process.argv.includes('--surrogate')).then((out) => console.log(JSON.stringify(out)), (error) => { console.error(error); process.exitCode = 1; });";

/** The apps, by folder: each has a package.json, a main file and, for TypeScript, a tsconfig.json. */
export const APPS = {
  esm: {
    type: 'module',
    main: 'main.js',
    source: `${esmImports}\nimport { ContainerModule } from 'inversify';\nconst foreign = new ContainerModule(() => {});\n${javascript(MAIN)}\n${print}\n`,
  },
  cjs: {
    type: 'commonjs',
    main: 'main.js',
    source: `'use strict';\n${cjsImports}\nconst { ContainerModule } = require('inversify');\nconst foreign = new ContainerModule(() => {});\n${javascript(MAIN)}\n${print}\n`,
  },
  // Type-checked strictly against the published declarations, compiled, and run.
  // The first also checks every declaration file it reads (skipLibCheck off): ours must compile
  // without @types/node; the others (CommonJS declarations, bundler resolution) skip that, which
  // takes a third of the time.
  'ts-node16': {
    type: 'module',
    main: 'main.ts',
    tsconfig: { module: 'node16', moduleResolution: 'node16', skipLibCheck: false },
    source: `${esmImports}\n${tsProcess}\nconst foreign = undefined;\n${MAIN}\n${print}\n`,
  },
  'ts-node16-cjs': {
    type: 'commonjs',
    main: 'main.ts',
    tsconfig: { module: 'node16', moduleResolution: 'node16', skipLibCheck: true },
    source: `${esmImports}\n${tsProcess}\nconst foreign = undefined;\n${MAIN}\n${print}\n`,
  },
  'ts-bundler': {
    type: 'module',
    main: 'main.ts',
    tsconfig: { module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true },
    source: `${esmImports}\n${tsProcess}\nconst foreign = undefined;\n${MAIN}\n${print}\n`,
  },
};

/**
 * Writes the apps into sub-folders of `appDir` (they find the packages in its node_modules). A
 * TypeScript app compiles to `out/main.js` with `tsc -p <folder>`; the others run as they are.
 */
export function writeApps(appDir) {
  for (const [name, app] of Object.entries(APPS)) {
    const dir = join(appDir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `app-${name}`, private: true, type: app.type })}\n`);
    writeFileSync(join(dir, app.main), app.source);
    if (app.tsconfig !== undefined) {
      const compilerOptions = {
        target: 'es2022',
        // Only what the app uses: no @types/node, so declarations that lean on Node's types fail here.
        lib: ['es2022', 'dom'],
        types: [],
        strict: true,
        outDir: 'out',
        ...app.tsconfig,
      };
      writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, files: [app.main] }, null, 2)}\n`);
    }
  }
}

/** The file to run with node for an app written by {@link writeApps} (after tsc for TypeScript). */
export function appEntry(appDir, name) {
  return join(appDir, name, APPS[name].tsconfig === undefined ? APPS[name].main : join('out', 'main.js'));
}
