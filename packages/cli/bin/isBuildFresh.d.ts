/** Whether every workspace package's build outputs are newer than every file they are built from. */
export function isBuildFresh(packagesDir: string, outputs?: (packageFolder: string) => readonly string[]): boolean;
