import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { bestOf, worker } from './shared-study-in-an-app';

test('the shared-study example: three workers on one journal file, then the study read back', async () => {
  const url = `file:${join(mkdtempSync(join(tmpdir(), 'jahskit-shared-example-')), 'study.jsonl')}`;
  await Promise.all([worker(url, 'my-net', 10), worker(url, 'my-net', 10), worker(url, 'my-net', 10)]);
  const { best, trials } = await bestOf(url, 'my-net');
  expect(trials).toBe(30);
  expect(best!.objectives['val_loss']).toBeLessThan(1);
});
