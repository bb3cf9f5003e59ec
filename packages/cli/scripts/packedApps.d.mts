export interface PackedPackage {
  readonly name: string;
  readonly tarball: string;
  readonly size: number;
  readonly unpackedSize: number;
}
export interface App {
  readonly type: 'module' | 'commonjs';
  readonly main: string;
  readonly source: string;
  readonly tsconfig?: Readonly<Record<string, string | boolean>>;
}
export function packPackages(repoRoot: string, destination: string): Promise<PackedPackage[]>;
export function installTarballs(appDir: string, tarballs: readonly string[], extra?: readonly string[]): Promise<{ seconds: number; bytes: number }>;
export function folderBytes(dir: string): number;
export const APPS: Readonly<Record<string, App>>;
export function writeApps(appDir: string): void;
export function appEntry(appDir: string, name: string): string;
