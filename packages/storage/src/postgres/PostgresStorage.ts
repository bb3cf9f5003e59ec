import pg from 'pg';
import { CHAIN_START, CoreError, decodeJournalLine, encodeJournalLine, type JournalEntry, type StorageDecision, type StudyStorage } from '@jahskit/core';
import { postgresErrorReason } from './postgresErrorReason';
import { postgresServerName } from './postgresServerName';

export interface PostgresStorageOptions {
  /** Connections this storage may open (default 2: a heartbeat need not wait for an ask). */
  readonly connections?: number;
  /** Give up connecting after this many milliseconds (default 10000). */
  readonly connectTimeoutMs?: number;
}

/** One row of the journal as the queries return it (text protocol: bigints come back as strings). */
interface JournalRow {
  readonly seq: string;
  readonly entry: string | null;
  readonly digest: string;
}

/** The two tables, created on first use. A study's row is what its writers lock. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS jahskit_studies (
  name text PRIMARY KEY,
  last_seq bigint NOT NULL,
  last_digest text NOT NULL
);
CREATE TABLE IF NOT EXISTS jahskit_journal (
  study text NOT NULL,
  seq bigint NOT NULL,
  entry text NOT NULL,
  digest text NOT NULL,
  PRIMARY KEY (study, seq)
)`;

/** Any 64-bit key: serialises processes that create the tables at the same moment. */
const SCHEMA_LOCK = 0x6a61_6873_6b69;

/**
 * Studies in a PostgreSQL database (`postgresql://user:password@host:port/db`), shared by processes on
 * any number of machines. Each study is a row of `jahskit_studies` (its last sequence number and
 * digest) and its entries are rows of `jahskit_journal`, each the line `encodeJournalLine` writes,
 * with a digest chained from the study's entry before it (and kept in its own column, so that a read
 * from the middle of a journal can verify the entries that follow).
 *
 * A transaction locks the study's row (`SELECT ... FOR UPDATE`), reads what other writers appended,
 * lets `decide` choose, appends and commits: everything decided under the lock, so a trial is handed
 * out once and a tell recorded once. It costs two round trips: the statements of each half are sent
 * together as one simple query (each statement in it still takes a fresh snapshot, so the reads see
 * every commit made before the lock was granted). That is why the SQL text is assembled here, with
 * every string escaped by the driver's `escapeLiteral`, rather than sent with parameters: the extended
 * protocol allows one statement per round trip.
 *
 * With a server that waits for the disk at each commit (its default), the row stays locked until the
 * flush is done, so the operations of one study queue at one flush each. Committing asynchronously
 * and then waiting for the flush in a second transaction would release the lock sooner, but costs a
 * second flush per operation and a write that change-data-capture tools would see: on the benchmark
 * machine it gave four workers 1.3-1.6 times the throughput and one worker half, so it was not kept.
 */
export class PostgresStorage implements StudyStorage {
  readonly location: string;
  private readonly server: string;
  private readonly pool: pg.Pool;
  private schemaReady: Promise<void> | undefined;
  /** Studies whose row this storage has seen committed. */
  private readonly knownStudies = new Set<string>();
  private closed = false;

  constructor(url: string, options: PostgresStorageOptions = {}) {
    this.location = withoutPassword(url);
    this.server = postgresServerName(url);
    for (const [key, value] of Object.entries({ connections: options.connections, connectTimeoutMs: options.connectTimeoutMs })) {
      if (value !== undefined && !(Number.isSafeInteger(value) && value >= 1)) {
        throw new CoreError('invalid-argument', `${key} must be a positive integer, got ${String(value)}`, { parameter: key, allowed: 'integers >= 1' });
      }
    }
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.connections ?? 2,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      // Idle connections are kept a while (workers ask again after each evaluation) but never keep
      // the process alive on their own, should an app forget to close the storage.
      idleTimeoutMillis: 60_000,
      allowExitOnIdle: true,
      application_name: 'jahskit',
      Client: ClosingClient,
    });
    // An idle connection that the server drops would otherwise be an unhandled 'error' event; the
    // pool discards it, and the next query opens a new one or reports why it cannot.
    this.pool.on('error', () => undefined);
  }

  async read(study: string, after: number): Promise<readonly JournalEntry[]> {
    checkAfter(after);
    await this.ready();
    // The study's row comes with its entries (one snapshot), so that a reader notices missing ones.
    type Row = { last_seq: string; last_digest: string; seq: string | null; entry: string | null; digest: string };
    const result = await this.withClient((client) =>
      client.query<Row>(
        `SELECT s.last_seq, s.last_digest, j.seq, CASE WHEN j.seq > $2 THEN j.entry END AS entry, j.digest
         FROM jahskit_studies s LEFT JOIN jahskit_journal j ON j.study = s.name AND j.seq >= $2
         WHERE s.name = $1 ORDER BY j.seq`,
        [study, after],
      ),
    );
    const head = result.rows[0];
    if (head === undefined) return [];
    const rows = head.seq === null ? [] : (result.rows as JournalRow[]);
    return this.verify(study, after, rows, { lastSeq: Number(head.last_seq), lastDigest: head.last_digest });
  }

  async transact<T>(study: string, after: number, decide: (entries: readonly JournalEntry[]) => StorageDecision<T>): Promise<T> {
    checkAfter(after);
    await this.ready();
    const client = await this.connect();
    let inTransaction = false;
    let broken: Error | undefined;
    try {
      const name = pg.escapeLiteral(study);
      // The insert makes a new study's row exist to be locked. It is left out once the row is known
      // to exist (it costs a fifth of the round trip); should the row have gone since, it is made again.
      const create = `INSERT INTO jahskit_studies (name, last_seq, last_digest) VALUES (${name}, -1, '${CHAIN_START}') ON CONFLICT (name) DO NOTHING;`;
      const lockAndRead = `SELECT last_seq, last_digest FROM jahskit_studies WHERE name = ${name} FOR UPDATE;
         SELECT seq, CASE WHEN seq > ${after} THEN entry END AS entry, digest FROM jahskit_journal WHERE study = ${name} AND seq >= ${after} ORDER BY seq`;
      const known = this.knownStudies.has(study);
      let results = (await this.run(client, `BEGIN; ${known ? '' : create} ${lockAndRead}`, () => (inTransaction = true))) as unknown as pg.QueryResult[];
      let [head, rows] = known ? [results[1], results[2]] : [results[2], results[3]];
      if (head?.rows[0] === undefined && known) {
        this.knownStudies.delete(study);
        results = (await this.run(client, `${create} ${lockAndRead}`)) as unknown as pg.QueryResult[];
        [, head, rows] = results;
      }
      const row = head?.rows[0] as { last_seq: string; last_digest: string } | undefined;
      if (row === undefined)
        throw new CoreError('storage', `${this.location}: the row of study "${study}" vanished while it was being locked`, { parameter: 'storage' });
      const lastSeq = Number(row.last_seq);
      if (lastSeq >= 0) this.knownStudies.add(study);
      const entries = this.verify(study, after, (rows?.rows ?? []) as JournalRow[], { lastSeq, lastDigest: row.last_digest });

      const { append, result } = decide(entries);
      if (append.length === 0) {
        // Nothing to write; rolling back also forgets the row of a study that was never written.
        await this.run(client, 'ROLLBACK');
        inTransaction = false;
        return result;
      }
      let digest = row.last_digest;
      const values: string[] = [];
      append.forEach((op, i) => {
        const seq = lastSeq + 1 + i;
        const encoded = encodeJournalLine(digest, study, { ...op, seq } as JournalEntry);
        digest = encoded.digest;
        values.push(`(${name}, ${seq}, ${pg.escapeLiteral(encoded.line)}, '${digest}')`);
      });
      await this.run(
        client,
        `INSERT INTO jahskit_journal (study, seq, entry, digest) VALUES ${values.join(', ')};
         UPDATE jahskit_studies SET last_seq = ${lastSeq + append.length}, last_digest = '${digest}' WHERE name = ${name};
         COMMIT`,
      );
      inTransaction = false;
      this.knownStudies.add(study);
      return result;
    } catch (error) {
      if (inTransaction) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async studies(): Promise<readonly string[]> {
    await this.ready();
    const result = await this.withClient((client) => client.query<{ name: string }>('SELECT name FROM jahskit_studies WHERE last_seq >= 0'));
    // Sorted here, not by the server, so that the order is the same whatever the database's collation.
    return result.rows.map((row) => row.name).sort();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Creates the tables once per storage; checks first, so that a role without CREATE can use existing ones. */
  private ready(): Promise<void> {
    if (this.schemaReady !== undefined) return this.schemaReady;
    const pending = this.withClient(async (client) => {
      const found = await client.query<{ ok: boolean }>(
        `SELECT to_regclass('jahskit_studies') IS NOT NULL AND to_regclass('jahskit_journal') IS NOT NULL AS ok`,
      );
      if (found.rows[0]?.ok === true) return;
      try {
        await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${SCHEMA}; COMMIT`);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }).catch((error: unknown) => {
      // Try again on the next call: the server may come up, or be granted the rights.
      this.schemaReady = undefined;
      throw error;
    });
    this.schemaReady = pending;
    return pending;
  }

  private async connect(): Promise<pg.PoolClient> {
    if (this.closed) throw new CoreError('storage', `${this.location} was closed`, { parameter: 'storage' });
    try {
      return await this.pool.connect();
    } catch (error) {
      throw new CoreError('storage', `cannot connect to PostgreSQL at ${this.server}: ${postgresErrorReason(error)}`, { parameter: 'storage', cause: error });
    }
  }

  /** Work on a pooled connection, with errors in words. */
  private async withClient<R>(body: (client: pg.PoolClient) => Promise<R>): Promise<R> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      return await body(client);
    } catch (error) {
      broken = error as Error;
      throw this.failure(error);
    } finally {
      // A connection that failed is not reused: its state is unknown.
      client.release(broken);
    }
  }

  private async run(client: pg.PoolClient, sql: string, sent?: () => void): Promise<pg.QueryResult | pg.QueryResult[]> {
    const pending = client.query(sql);
    sent?.();
    try {
      return (await pending) as pg.QueryResult | pg.QueryResult[];
    } catch (error) {
      throw this.failure(error);
    }
  }

  private failure(error: unknown): CoreError {
    if (CoreError.is(error)) return error;
    return new CoreError('storage', `PostgreSQL at ${this.server}: ${postgresErrorReason(error)}`, { parameter: 'storage', cause: error });
  }

  /**
   * Decodes rows read from `after` (the row `after` itself gives only its digest, which the next entry
   * chains from), checking that they follow each other and end at the study's last entry.
   */
  private verify(study: string, after: number, rows: readonly JournalRow[], head: { lastSeq: number; lastDigest: string }): JournalEntry[] {
    const where = (seq: number): string => `${this.location}: study "${study}", entry ${seq}`;
    const corrupt = (seq: number, why: string): CoreError =>
      new CoreError('journal-corrupt', `${where(seq)}: ${why}; the journal was changed after it was written`, { parameter: 'storage' });
    let previous = CHAIN_START;
    let expected = after + 1;
    let index = 0;
    if (after >= 0 && rows.length > 0) {
      const first = rows[0] as JournalRow;
      if (Number(first.seq) !== after) throw corrupt(after, `missing (the next row is entry ${first.seq})`);
      previous = first.digest;
      index = 1;
    }
    const entries: JournalEntry[] = [];
    for (; index < rows.length; index++) {
      const row = rows[index] as JournalRow;
      const seq = Number(row.seq);
      if (seq !== expected) throw corrupt(expected, `missing (the next row is entry ${seq})`);
      const decoded = decodeJournalLine(previous, row.entry ?? '', where(seq));
      if (decoded.study !== study || decoded.entry.seq !== seq || decoded.digest !== row.digest) {
        throw corrupt(seq, `the row holds entry ${decoded.entry.seq} of study "${decoded.study}"`);
      }
      entries.push(decoded.entry);
      previous = decoded.digest;
      expected++;
    }
    if (expected <= head.lastSeq) throw corrupt(expected, `missing (the study has entries up to ${head.lastSeq})`);
    // New entries chain from the row's digest: it must be the last entry's.
    if (expected === head.lastSeq + 1 && (rows.length > 0 || after === -1) && previous !== head.lastDigest) {
      throw corrupt(head.lastSeq, 'its checksum differs from the one the study row holds');
    }
    return entries;
  }
}

/**
 * A client that closes its socket when connecting fails. The driver leaves it open when the failure
 * is its own (a password the server asks for and the URL lacks): the server then keeps the half-open
 * session, its connection slot and its share of every DROP DATABASE's wait until its own
 * authentication timeout, a minute later.
 */
class ClosingClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): void;
  override connect(callback?: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): Promise<pg.Client> | void {
    const close = (): void => (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    if (callback === undefined) {
      return super.connect().catch((error: unknown) => {
        close();
        throw error;
      });
    }
    const done = callback as (err: Error | null, c?: pg.Client) => void;
    super.connect(((error: Error | null, client?: pg.Client) => {
      if (error) close();
      done(error, client);
    }) as (err: Error) => void);
  }
}

function checkAfter(after: number): void {
  // It is written into SQL text, so it must be a plain integer.
  if (!Number.isSafeInteger(after) || after < -1) {
    throw new CoreError('invalid-argument', `after must be an integer >= -1, got ${String(after)}`, { parameter: 'after', allowed: 'integers >= -1' });
  }
}

/** The URL with its password replaced by ***, for messages and `location`. */
function withoutPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1:***@').replace(/([?&]password=)[^&#]*/i, '$1***');
}
