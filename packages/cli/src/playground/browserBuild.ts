import type { BuildOptions } from 'esbuild';

/**
 * How the packages are bundled for a browser, as an app's bundler would: ES modules for ES2022 from
 * the packages' sources (the `@jahskit/source` condition), kept in memory.
 */
export const BROWSER_BUILD = {
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['@jahskit/source'],
} as const satisfies BuildOptions;
