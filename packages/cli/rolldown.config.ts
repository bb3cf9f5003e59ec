import { readFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { defineConfig, type Plugin } from 'rolldown';
import { packageBuild } from '../../rolldown.package';

/**
 * Workspace sources that read `import.meta.url` (to find their package's data) would see the
 * bundle's URL once bundled; they see their package's entry instead, resolved where the bundle
 * runs, whatever the layout (this workspace, or an installed node_modules).
 */
const modulesFindTheirPackages: Plugin = {
  name: 'modules-find-their-packages',
  async load(id) {
    if (!id.endsWith('.ts') || id.includes(`${sep}node_modules${sep}`)) return null;
    const text = await readFile(id, 'utf8');
    if (!text.includes('import.meta.url')) return null;
    const manifest = JSON.parse(await readFile(join(packageRoot(id), 'package.json'), 'utf8')) as { name: string };
    return { code: text.replaceAll('import.meta.url', `import.meta.resolve(${JSON.stringify(manifest.name)})`), moduleType: 'ts' };
  },
};

function packageRoot(file: string): string {
  const at = file.lastIndexOf(`${sep}src${sep}`);
  return at >= 0 ? file.slice(0, at) : dirname(file);
}

/**
 * The command (dist/bin.js) and the grid thread (dist/gridWorker.js, loaded by startGridThread beside
 * it) carry every dependency but the ONNX runtimes (a native addon; WebAssembly found beside its
 * module), pg's optional native binding, and vega (drawn charts only, loaded then): a process or
 * thread starts by loading a few modules instead of hundreds (inversify alone is some 300 files),
 * which was most of its start-up cost.
 */
const command = defineConfig({
  input: { bin: 'src/bin.ts', gridWorker: 'src/compare/gridWorker.ts' },
  platform: 'node',
  transform: { target: 'node20' },
  // The workspace packages from their sources, bundled once here rather than through their builds.
  resolve: { conditionNames: ['@jahskit/source'] },
  external: [/^onnxruntime-(node|web)(\/|$)/, /^pg-native$/, /^vega(-lite)?(\/|$)/],
  plugins: [modulesFindTheirPackages],
  checks: { ineffectiveDynamicImport: false },
  output: {
    dir: 'dist',
    format: 'esm',
    // The modules that `jahskit --version` does not need sit in chunks loaded on demand, so that the
    // answer does not wait for some 2 MB of JavaScript to be compiled.
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    // Smaller to parse at start-up; names kept (they show in errors) and declarations as written
    // (compression would turn consts into lets, which V8 does not treat as fixed).
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    comments: { legal: false, jsdoc: false },
  },
});

// The library entry in both formats (`import()` of vega stays an import() in CommonJS: vega is an
// ECMAScript module with top-level await), then the command's own bundles beside it.
export default [...packageBuild(), command];
