// One worker process of a study shared through a storage: ask, evaluate, tell, for a fixed number of
// trials. Run by the multi-process test (src/sharedStudy.int.test.ts) and the storage benchmark.
//
//   node --conditions=@jahskit/source --import tsx sharedStudyWorker.ts <storage-url> <study> <worker> <trials>
//     [--grace <s>] [--heartbeat-ms <ms>] [--work-ms <ms>] [--hang-at <k>] [--finished <n>] [--wait-go] [--records]
//
// Prints `ready` once the study is open (then, with --wait-go, waits for a line on stdin, so that a
// benchmark starts every worker at once), `asked <id>` when it hangs on its k-th trial (--hang-at:
// it never tells it, so that a test can kill it there), and finally `done <json>`: its trial count,
// the seconds its loop took and, with --records, the records it sees once the study holds --finished
// finished trials (its own and other workers', told or expired).
import 'reflect-metadata';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoredStudy } from '@jahskit/core';
import { openStorage } from '../src/openStorage';
import { sharedObjective, sharedStudyOptions } from '../src/sharedStudyFixtures';

const [url, name, worker, trialsText, ...rest] = process.argv.slice(2);
if (url === undefined || name === undefined || worker === undefined || trialsText === undefined) {
  process.stderr.write('usage: sharedStudyWorker.ts <storage-url> <study> <worker> <trials> [options]\n');
  process.exit(2);
}
const flag = (key: string): number | undefined => {
  const at = rest.indexOf(key);
  return at < 0 ? undefined : Number(rest[at + 1]);
};
const trials = Number(trialsText);
const workMs = flag('--work-ms') ?? 0;
const hangAt = flag('--hang-at');
const finished = flag('--finished');

const storage = openStorage(url);
const study = await StoredStudy.create(sharedStudyOptions(storage, name, worker, flag('--grace') ?? 60));
const stopHeartbeats = study.keepAlive(flag('--heartbeat-ms') ?? 10_000);
process.stdout.write('ready\n');
if (rest.includes('--wait-go')) {
  const lines = createInterface({ input: process.stdin });
  await once(lines, 'line');
  lines.close();
}

const started = performance.now();
for (let k = 0; k < trials; k++) {
  const [trial] = await study.ask(1);
  if (trial === undefined) throw new Error('the optimizer proposed nothing');
  if (k === hangAt) {
    process.stdout.write(`asked ${trial.id}\n`);
    await new Promise(() => undefined);
  }
  if (workMs > 0) await sleep(workMs);
  await study.tell({ trialId: trial.id, objectives: { loss: sharedObjective(trial.config) } });
}
const seconds = (performance.now() - started) / 1000;

// Stay until every worker's trials are finished, sending heartbeats: those also expire the trials
// of a worker that went silent, which is what makes the study finish when one was killed.
if (finished !== undefined) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await study.heartbeat();
    if (study.records.length >= finished && study.pending.length === 0) break;
    if (Date.now() > deadline) throw new Error(`${worker}: the study still has ${study.records.length} finished trials of ${finished} after a minute`);
    await sleep(100);
  }
}
stopHeartbeats();
await study.sync();
const summary = { worker, trials, seconds, ...(rest.includes('--records') ? { records: study.records, expired: [...study.expiredTrials] } : {}) };
process.stdout.write(`done ${JSON.stringify(summary)}\n`);
await storage.close();
