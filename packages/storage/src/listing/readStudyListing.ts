import { CoreError, type JournalEntry, type StudyStorage } from '@jahskit/core';
import type { ListedTrial, StudyListing } from './StudyListing';

/**
 * The spec and trials of a stored study, read from its journal without replaying its optimizer (so
 * a reader needs neither the optimizer's plugin nor the study's space). Given the listing read
 * before, only the entries appended since are read: a dashboard polls a large study cheaply.
 */
export async function readStudyListing(storage: StudyStorage, name: string, previous?: StudyListing): Promise<StudyListing> {
  const start = previous?.name === name ? previous : { name, trials: [], lastSeq: -1 };
  const entries = await storage.read(name, start.lastSeq);
  return entries.length === 0 ? start : foldEntries(start, entries, storage.location);
}

function foldEntries(start: StudyListing, entries: readonly JournalEntry[], location: string): StudyListing {
  let spec = start.spec;
  const trials = [...start.trials];
  // Trials by id; a copy of an entry is made only when it changes, so earlier listings stay as they were.
  const index = new Map(trials.map((t, i) => [t.id, i]));
  const update = (id: number, change: (trial: ListedTrial) => ListedTrial): void => {
    const i = index.get(id);
    if (i !== undefined) trials[i] = change(trials[i] as ListedTrial);
  };
  let lastSeq = start.lastSeq;
  for (const entry of entries) {
    if (entry.seq !== lastSeq + 1) {
      throw new CoreError('journal-corrupt', `${location}: study "${start.name}": entry ${entry.seq} follows entry ${lastSeq}`, { parameter: 'storage' });
    }
    lastSeq = entry.seq;
    switch (entry.op) {
      case 'create':
        spec = entry.spec;
        break;
      case 'ask':
        for (const trial of entry.trials) {
          index.set(trial.id, trials.length);
          trials.push({ id: trial.id, config: trial.config, fidelity: trial.fidelity, worker: entry.worker, state: 'pending', askedAt: entry.at });
        }
        break;
      case 'tell':
        update(entry.result.trialId, (trial) => ({
          ...trial,
          state: entry.late === true ? 'expired' : 'told',
          result: entry.result,
          toldAt: entry.at,
          ...(entry.late === true ? { late: true as const } : {}),
        }));
        break;
      case 'expire':
        for (const id of entry.trials) update(id, (trial) => ({ ...trial, state: 'expired' }));
        break;
      case 'heartbeat':
        break;
    }
  }
  return { name: start.name, ...(spec !== undefined ? { spec } : {}), trials, lastSeq };
}
