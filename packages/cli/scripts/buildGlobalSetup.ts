// Vitest global setup: the packaging test (src/packages.int.test.ts) packs the packages' builds, so
// a run that selects it first builds them when any build is older than its sources (isBuildFresh):
// after `npm ci` on a fresh clone, and after every change. Other runs build nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { isBuildFresh } from '../bin/isBuildFresh.js';

const NEEDS_BUILD = /packedApps/;
const root = fileURLToPath(new URL('../../..', import.meta.url));

export default async function setup(project: TestProject): Promise<void> {
  if (!(await selectsPackagingTests(project)) || isBuildFresh(fileURLToPath(new URL('../..', import.meta.url)))) return;
  process.stderr.write('packaging test: a build is older than its sources; running npm run build\n');
  try {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`npm run build failed, so the packages cannot be packed:\n${stderr.split('\n').slice(-15).join('\n')}`, { cause: error });
  }
}

/** Whether any test file of this run packs the packages. */
async function selectsPackagingTests(project: TestProject): Promise<boolean> {
  // As in postgresGlobalSetup.ts: without the run's file filters every file is considered.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const specifications = await project.vitest.globTestSpecifications(filters);
  return specifications.some(({ moduleId }) => NEEDS_BUILD.test(readFileSync(moduleId, 'utf8')));
}
