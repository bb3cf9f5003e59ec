/** Whether every workspace package's build outputs are newer than every file they are built from. */
/**
 * `shared`: build files outside the packages that every build reads (by default the root
 * rolldown.package.ts beside the packages folder).
 */
export function isBuildFresh(packagesDir: string, outputs?: (packageFolder: string) => readonly string[], shared?: readonly string[]): boolean;
