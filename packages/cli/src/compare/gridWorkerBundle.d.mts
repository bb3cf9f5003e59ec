/** `node_modules/.cache/jahskit` beside the tsx this checkout runs with. */
export function defaultCacheDir(): string;
/** The TypeScript module `entry` bundled into one cached JavaScript file; resolves to its file URL. */
export function gridWorkerBundle(entry: string, cacheDir?: string): Promise<string>;
