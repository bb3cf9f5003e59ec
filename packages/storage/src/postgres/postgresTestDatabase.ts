import pg from 'pg';

/**
 * A new, empty database on the test server (JAHSKIT_TEST_POSTGRES_URL, started by the test setup) for
 * one test file, and a function that drops it.
 */
export async function testDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env['JAHSKIT_TEST_POSTGRES_URL'];
  if (server === undefined) throw new Error('JAHSKIT_TEST_POSTGRES_URL is not set: run the tests with `npm test`, which starts PostgreSQL');
  const name = `jahskit_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
