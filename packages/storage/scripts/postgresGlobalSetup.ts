// Vitest global setup: gives tests that need PostgreSQL a server, as `inject('postgresUrl')` and as
// the environment variable JAHSKIT_TEST_POSTGRES_URL (which the test processes inherit).
//
// With JAHSKIT_TEST_POSTGRES_URL set (CI starts one cluster for the whole run), that server is used.
// Otherwise a throwaway cluster is started with postgres.mjs, but only when a selected test file
// needs one (it lives in a `postgres/` folder, or mentions one of the names in NEEDS_POSTGRES: the
// fixtures, `postgresUrl` or JAHSKIT_TEST_POSTGRES_URL): most runs select a few files, and starting
// a server costs a second or two of a shared machine for nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
// For the type of `postgresUrl` only: the fixtures import vitest's test-side API.
import type {} from '../src/postgres/postgresFixtures';

const script = fileURLToPath(new URL('./postgres.mjs', import.meta.url));
const NEEDS_POSTGRES = /postgresFixtures|freshPostgresDatabase|postgresAdminUrl|postgresTestDatabase|['"]postgresUrl['"]|JAHSKIT_TEST_POSTGRES_URL/;

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env['JAHSKIT_TEST_POSTGRES_URL'];
  if (given !== undefined && given !== '') {
    project.provide('postgresUrl', given);
    return undefined;
  }
  if (!(await selectsPostgresTests(project))) return undefined;
  let cluster: { url: string; dir: string };
  try {
    // The watcher stops the cluster should this process die before its teardown.
    const output = execFileSync(process.execPath, [script, 'start', '--json', '--watch-parent', String(process.pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster = JSON.parse(output) as { url: string; dir: string };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(stderr === '' ? `could not start PostgreSQL for the tests: ${(error as Error).message}` : stderr, { cause: error });
  }
  project.provide('postgresUrl', cluster.url);
  process.env['JAHSKIT_TEST_POSTGRES_URL'] = cluster.url;
  return () => {
    delete process.env['JAHSKIT_TEST_POSTGRES_URL'];
    execFileSync(process.execPath, [script, 'stop', cluster.dir], { stdio: 'ignore' });
  };
}

/** Whether any test file of this run asks for PostgreSQL. */
async function selectsPostgresTests(project: TestProject): Promise<boolean> {
  // The run's file filters (`vitest run a.test.ts`) are not public API; without them every file is
  // considered, which at worst starts a server that is not needed.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const specifications = await project.vitest.globTestSpecifications(filters);
  return specifications.some(({ moduleId }) => /[\\/]postgres[\\/]/.test(moduleId) || NEEDS_POSTGRES.test(readFileSync(moduleId, 'utf8')));
}
