import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { StoredStudy, type JournalEntry, type TrialRecord } from '@jahskit/core';
import { openStorage } from './openStorage';
import { freshPostgresDatabase, type TestDatabase } from './postgres/postgresFixtures';
import { sharedStudyOptions } from './sharedStudyFixtures';

// Real processes sharing one study (issue 12): four workers ask and tell through one storage; one is
// killed with SIGKILL while it holds a trial. Every trial must be handed out once and told at most
// once, the dead worker's trial must expire (and be told to the optimizer as failed), and a fresh
// process must replay the journal to the records every surviving worker sees.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const workerScript = fileURLToPath(new URL('../scripts/sharedStudyWorker.ts', import.meta.url));
const TRIALS = 25;
const HANG_AT = 2;

interface Worker {
  readonly name: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line that starts with `prefix` (the rest of it). */
  line(prefix: string): Promise<string>;
  readonly exited: Promise<number | null>;
  stderr(): string;
}

/** What a worker printed last on stderr without the stack frames: the error's message and fields. */
function lastErrorLines(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return lines
    .filter((line) => !line.trimStart().startsWith('at '))
    .slice(-12)
    .join(' | ');
}

function startWorker(url: string, study: string, name: string, args: readonly string[]): Worker {
  const child = spawn(process.execPath, ['--conditions=@jahskit/source', '--import', 'tsx', workerScript, url, study, name, String(TRIALS), ...args], {
    cwd: root,
    // tsx reads the decorator settings from the checkout's tsconfig (as bin/jahskit.js does).
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
  });
  const lines: string[] = [];
  const waiting: { prefix: string; resolve: (rest: string) => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
    lines.push(text);
    for (const w of waiting.filter((w) => text.startsWith(w.prefix))) w.resolve(text.slice(w.prefix.length));
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    name,
    child,
    line: (prefix) =>
      new Promise((resolve, reject) => {
        const found = lines.find((l) => l.startsWith(prefix));
        if (found !== undefined) return resolve(found.slice(prefix.length));
        waiting.push({ prefix, resolve });
        void exited.then((code) => reject(new Error(`worker ${name} exited (${code}) before printing "${prefix}": ${lastErrorLines(errors)}`)));
      }),
    exited,
    stderr: () => errors,
  };
}

async function runSharedStudy(url: string): Promise<void> {
  const study = `shared-${Math.random().toString(36).slice(2, 8)}`;
  const finished = 3 * TRIALS + HANG_AT + 1;
  const common = ['--grace', '1', '--heartbeat-ms', '200', '--work-ms', '5', '--wait-go'];
  const survivors = ['a', 'b', 'c'].map((name) => startWorker(url, study, name, [...common, '--finished', String(finished), '--records']));
  const doomed = startWorker(url, study, 'd', [...common, '--hang-at', String(HANG_AT)]);
  const everyone = [...survivors, doomed];
  try {
    await Promise.all(everyone.map((w) => w.line('ready')));
    for (const w of everyone) w.child.stdin.write('go\n');
    const held = Number(await doomed.line('asked '));
    doomed.child.kill('SIGKILL');
    const summaries = await Promise.all(survivors.map(async (w) => JSON.parse(await w.line('done ')) as { records: TrialRecord[]; expired: number[] }));
    expect(await Promise.all(survivors.map((w) => w.exited))).toEqual([0, 0, 0]);

    const storage = openStorage(url);
    try {
      const journal = await storage.read(study, -1);
      const asked = journal.flatMap((e: JournalEntry) => (e.op === 'ask' ? e.trials.map((t) => t.id) : []));
      const told = journal.flatMap((e) => (e.op === 'tell' ? [e.result.trialId] : []));
      const expired = journal.flatMap((e) => (e.op === 'expire' ? e.trials : []));
      // Handed out once, told at most once, expired at most once.
      expect(new Set(asked).size).toBe(asked.length);
      expect(new Set(told).size).toBe(told.length);
      expect(new Set(expired).size).toBe(expired.length);
      // None lost: every trial handed out was told or expired.
      expect(asked.filter((id) => !told.includes(id) && !expired.includes(id))).toEqual([]);
      expect(asked).toHaveLength(finished);
      // The dead worker's trial expired, was never told, and the optimizer recorded it as failed.
      expect(expired).toContain(held);
      expect(told).not.toContain(held);

      const replayed = await StoredStudy.open(sharedStudyOptions(storage, study, 'checker'));
      expect(replayed.records).toHaveLength(finished);
      expect(replayed.pending).toEqual([]);
      expect(replayed.records.find((r) => r.trial.id === held)?.status).toBe('failed');
      for (const summary of summaries) {
        expect(summary.records).toEqual(JSON.parse(JSON.stringify(replayed.records)));
        expect(summary.expired).toEqual([...replayed.expiredTrials]);
      }
    } finally {
      await storage.close();
    }
  } finally {
    for (const w of everyone) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  }
}

describe('four worker processes share one study; one is killed holding a trial', () => {
  const folders: string[] = [];
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    for (const database of databases) await database.drop();
  });

  test('in a journal file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'jahskit-shared-'));
    folders.push(folder);
    await runSharedStudy(`file:${join(folder, 'study.jsonl')}`);
  }, 60_000);

  test('in PostgreSQL', async () => {
    const database = await freshPostgresDatabase();
    databases.push(database);
    await runSharedStudy(database.url);
  }, 60_000);
});
