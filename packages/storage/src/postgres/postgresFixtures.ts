import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * A PostgreSQL server whose user may create databases and roles: `JAHSKIT_TEST_POSTGRES_URL`, or
     * a throwaway cluster that `packages/storage/scripts/postgresGlobalSetup.ts` starts for any test
     * file that imports these fixtures.
     */
    postgresUrl?: string;
  }
}

export interface TestDatabase {
  readonly name: string;
  /** The admin URL with this database in it. */
  readonly url: string;
  /** Drops the database, closing whatever connections are left. */
  drop(): Promise<void>;
}

/** The server URL the global setup provided; tests never skip for want of one. */
export function postgresAdminUrl(): string {
  const url = inject('postgresUrl') ?? process.env['JAHSKIT_TEST_POSTGRES_URL'];
  if (url === undefined || url === '') {
    throw new Error(
      'no PostgreSQL for this test: the vitest global setup starts one for test files that import postgresFixtures (or set JAHSKIT_TEST_POSTGRES_URL)',
    );
  }
  return url;
}

/** `url` naming `database` instead of its own, and, when given, another user and password. */
export function withDatabase(url: string, database: string, login?: { user: string; password?: string }): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  if (login !== undefined) {
    parsed.username = encodeURIComponent(login.user);
    parsed.password = login.password === undefined ? '' : encodeURIComponent(login.password);
  }
  return parsed.href;
}

/** Runs statements as the admin user, on `database` (default: the admin URL's). */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, database?: string): Promise<R[]> {
  const admin = postgresAdminUrl();
  const client = new pg.Client({ connectionString: database === undefined ? admin : withDatabase(admin, database) });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

export function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** A new, empty database, so that each test starts from nothing (`owner`: a role that will own it). */
export async function freshPostgresDatabase(options: { owner?: string } = {}): Promise<TestDatabase> {
  const name = `jahskit_test_${randomSuffix()}`;
  await adminQuery(`CREATE DATABASE ${name} STRATEGY FILE_COPY${options.owner === undefined ? '' : ` OWNER ${pg.escapeIdentifier(options.owner)}`}`);
  return {
    name,
    url: withDatabase(postgresAdminUrl(), name),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
