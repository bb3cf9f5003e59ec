import { readFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { packageBuild } from '../../rolldown.package';

/**
 * Workspace sources that read `import.meta.url` (to find their package's data) would see the
 * bundle's URL once bundled; they see their package's entry instead, resolved where the bundle
 * runs, whatever the layout (this workspace, or an installed node_modules).
 */
const modulesFindTheirPackages: Plugin = {
  name: 'modules-find-their-packages',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const manifest = JSON.parse(await readFile(join(packageRoot(args.path), 'package.json'), 'utf8')) as { name: string };
      return { contents: text.replaceAll('import.meta.url', `import.meta.resolve(${JSON.stringify(manifest.name)})`), loader: 'ts' };
    });
  },
};

function packageRoot(file: string): string {
  const at = file.lastIndexOf(`${sep}src${sep}`);
  return at >= 0 ? file.slice(0, at) : dirname(file);
}

/**
 * The command (dist/bin.js) and the grid thread (dist/gridWorker.js, loaded by startGridThread beside
 * it) are each one file with every dependency in it but the ONNX runtimes (a native addon; WebAssembly
 * found beside its module), pg's optional native binding, and vega (drawn charts only, loaded then):
 * a process or thread starts by loading one module instead of hundreds (inversify alone is some 300
 * files), which was most of its start-up cost.
 */
async function bundleCommand(): Promise<void> {
  await build({
    entryPoints: { bin: 'src/bin.ts', gridWorker: 'src/compare/gridWorker.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The modules that `jahskit --version` does not need sit in chunks loaded on demand, so that the
    // answer does not wait for some 2 MB of JavaScript to be compiled.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'node20',
    conditions: ['@jahskit/source'],
    external: ['onnxruntime-node', 'onnxruntime-web', 'pg-native', 'vega', 'vega-lite'],
    banner: { js: "import { createRequire as __jahskitRequire } from 'node:module'; const require = __jahskitRequire(import.meta.url);" },
    plugins: [modulesFindTheirPackages],
    sourcemap: true,
    // Smaller to parse at start-up (names kept: they show in errors).
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// The library entry in both formats (`import()` of vega stays an import() in CommonJS: vega is an
// ECMAScript module with top-level await), then the command's own bundles.
export default packageBuild({ afterBuild: bundleCommand });
