import pg from 'pg';
import { CoreError } from '@jahskit/core';

/**
 * `host:port/database` of a PostgreSQL URL, as the driver reads it (defaults, `?host=/socket/dir`
 * and the PG* environment variables included), for messages that must never show the password.
 * A URL the driver cannot read is a CoreError of kind 'invalid-argument'.
 */
export function postgresServerName(url: string): string {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url });
  } catch (error) {
    throw new CoreError('invalid-argument', `cannot read the PostgreSQL URL (${(error as Error).message}); e.g. postgresql://user:password@localhost:5432/db`, {
      parameter: 'storage',
      allowed: 'postgresql://user[:password]@host[:port]/database',
      cause: error,
    });
  }
  return `${client.host}:${client.port}/${client.database ?? ''}`;
}
