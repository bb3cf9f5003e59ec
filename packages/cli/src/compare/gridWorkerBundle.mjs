// Plain JavaScript: it runs in a fresh grid thread before any TypeScript loader (that is its point).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, sep } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bumped when the bundle's build options change, so that older bundles are rebuilt. */
const FORMAT = 3;
/** The bundle targets the Node.js it was built for. */
const NODE = process.versions.node.split('.')[0];
/** Bundles no index names any more are removed once this old: a thread may still be loading one. */
const PRUNE_AFTER_MS = 10 * 60 * 1000;

/** `node_modules/.cache/jahskit` beside the tsx this checkout runs with (the usual place for tool caches). */
export function defaultCacheDir() {
  const tsx = fileURLToPath(import.meta.resolve('tsx'));
  const at = tsx.lastIndexOf(`${sep}node_modules${sep}`);
  return join(tsx.slice(0, at), 'node_modules', '.cache', 'jahskit');
}

/**
 * The TypeScript module `entry` and everything it imports, bundled into one JavaScript file with
 * esbuild (which tsx brings), cached in `cacheDir` and rebuilt when any of its sources changes.
 * Returns the bundle's file URL.
 *
 * A grid thread of a checkout loads this instead of the sources through tsx: one file instead of
 * hundreds of modules, each resolved and transformed through the loader, which cost a thread about a
 * second of CPU to start. The cache is keyed by the sources the last build read: a workspace file
 * whose size or modification time moved is compared by its SHA-256 (an edit undone, a checkout of
 * the same content, are still fresh); an installed package's file by its size and time.
 */
export async function gridWorkerBundle(entry, cacheDir = defaultCacheDir()) {
  const name = `gridWorker-${createHash('sha256').update(entry).digest('hex').slice(0, 12)}`;
  const indexPath = join(cacheDir, `${name}.json`);
  const index = readIndex(indexPath);
  if (index !== undefined && existsSync(join(cacheDir, index.bundle)) && index.inputs.every(unchanged)) {
    return pathToFileURL(join(cacheDir, index.bundle)).href;
  }
  return build(entry, cacheDir, name, indexPath);
}

function readIndex(path) {
  try {
    const index = JSON.parse(readFileSync(path, 'utf8'));
    return index.format === FORMAT && index.node === NODE && Array.isArray(index.inputs) && typeof index.bundle === 'string' ? index : undefined;
  } catch {
    return undefined;
  }
}

/** What the build saw of a source: enough to tell cheaply that it is unchanged. */
function describeInput(path) {
  const stat = statSync(path);
  const input = { path, size: stat.size, mtimeMs: stat.mtimeMs };
  return path.includes(`${sep}node_modules${sep}`) ? input : { ...input, sha256: sha256(readFileSync(path)) };
}

function unchanged(input) {
  try {
    const stat = statSync(input.path);
    if (stat.size === input.size && stat.mtimeMs === input.mtimeMs) return true;
    return input.sha256 !== undefined && stat.size === input.size && sha256(readFileSync(input.path)) === input.sha256;
  } catch {
    return false;
  }
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

async function build(entry, cacheDir, name, indexPath) {
  // The esbuild tsx depends on: present wherever tsx is, which the checkout needs anyway.
  const requireFromTsx = createRequire(fileURLToPath(import.meta.resolve('tsx')));
  const esbuild = await import(pathToFileURL(requireFromTsx.resolve('esbuild')).href);
  const root = dirname(cacheDir);
  const seen = new Map([[fileURLToPath(import.meta.url), describeInput(fileURLToPath(import.meta.url))]]);
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@jahskit/source'],
    // These load from node_modules at run time (the bundle sits inside node_modules). The ONNX
    // runtimes: a native addon, and WebAssembly found beside its own module. mathjs: imported only
    // when a grid has constraints or derived objectives, and 1.3 MB of sources that every thread
    // would otherwise parse at start (thread start-up 280-290 ms of CPU with it, 200 without).
    external: ['onnxruntime-node', 'onnxruntime-web', 'mathjs', 'mathjs/*'],
    // Bundled CommonJS packages call require(): give them one.
    banner: { js: "import { createRequire as __jahskitRequire } from 'node:module'; const require = __jahskitRequire(import.meta.url);" },
    plugins: [workspaceSources(seen)],
    outfile: join(cacheDir, `${name}.mjs`),
    write: false,
    metafile: true,
    // Smaller to parse when a thread starts (names kept: they show in errors).
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  for (const relative of Object.keys(result.metafile.inputs)) {
    const path = isAbsolute(relative) ? relative : join(root, relative);
    if (!seen.has(path)) seen.set(path, describeInput(path));
  }
  const inputs = [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const code = result.outputFiles[0].contents;
  const bundle = `${name}-${sha256(code).slice(0, 12)}.mjs`;
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed: another process may be reading or writing the same files.
  const temp = (file) => `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temp(join(cacheDir, bundle)), code);
  renameSync(temp(join(cacheDir, bundle)), join(cacheDir, bundle));
  writeFileSync(temp(indexPath), `${JSON.stringify({ format: FORMAT, node: NODE, entry, bundle, inputs })}\n`);
  renameSync(temp(indexPath), indexPath);
  prune(cacheDir, name, bundle);
  return pathToFileURL(join(cacheDir, bundle)).href;
}

/**
 * Loads the workspace's sources for esbuild, noting what it read for the cache's index. Sources that
 * read `import.meta.url` (to find their package's data) keep their own URL: bundled, they would
 * otherwise see the bundle's.
 */
function workspaceSources(seen) {
  return {
    name: 'workspace-sources',
    setup(b) {
      b.onLoad({ filter: /\.(?:[cm]?[jt]s|json)$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        // Stated before reading: an edit in between makes the next check compare contents, which match.
        const stat = statSync(args.path);
        const bytes = readFileSync(args.path);
        seen.set(args.path, { path: args.path, size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(bytes) });
        const extension = extname(args.path);
        const loader = extension === '.json' ? 'json' : /ts$/.test(extension) ? 'ts' : 'js';
        const text = bytes.toString('utf8');
        return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
      });
    },
  };
}

function prune(cacheDir, name, keep) {
  for (const file of readdirSync(cacheDir)) {
    if (!file.startsWith(`${name}-`) || file === keep) continue;
    const path = join(cacheDir, file);
    try {
      if (Date.now() - statSync(path).mtimeMs > PRUNE_AFTER_MS) rmSync(path, { force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
