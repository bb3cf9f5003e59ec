import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';
import { dashboardCommand } from './dashboard';

describe('jahskit dashboard', () => {
  test('serves the folder until stopped, printing where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-dashboard-cmd-'));
    const io = memoryIo('', dir);
    let answer = 0;
    const command = dashboardCommand({
      until: async (url) => {
        answer = (await fetch(new URL('/api/grid', url))).status;
      },
    });
    expect(await command.run(['.'], io)).toBe(0);
    expect(answer).toBe(200);
    expect(io.out()).toMatch(/^dashboard of .* at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\n$/);
    expect(io.err()).toBe('');
  });

  test.each([
    [[], 2, 'give exactly one results folder (the --out of jahskit compare or jahskit run) or storage URL'],
    [['a', 'b'], 2, 'give exactly one results folder (the --out of jahskit compare or jahskit run) or storage URL'],
    [['no-such-folder'], 1, 'results-dir "no-such-folder" is not a folder; give the --out folder of jahskit compare or jahskit run, or a storage URL'],
    // Storage URLs are served (startDashboard.storage.test.ts); one holding nothing to show is refused.
    [['memory:'], 2, 'a memory: storage is empty in any other process; give a file: or postgresql:// storage'],
    [['.', '--port', '70000'], 2, '--port must be an integer from 0 to 65535, got "70000"'],
    [['.', '--port', 'x'], 2, '--port must be an integer from 0 to 65535, got "x"'],
    [['.', '--host', ''], 2, '--host must be an address, e.g. 127.0.0.1'],
  ])('%j exits %i: %s', async (args, code, message) => {
    const io = memoryIo('', mkdtempSync(join(tmpdir(), 'jahskit-dashboard-cmd-')));
    expect(await runCli(['dashboard', ...args], io)).toBe(code);
    expect(io.err()).toBe(`jahskit dashboard: ${message}\n`);
  });

  test('its usage is its help', async () => {
    const io = memoryIo();
    expect(await runCli(['help', 'dashboard'], io)).toBe(0);
    expect(io.out()).toMatch(/^usage: jahskit dashboard <results-dir \| storage-url> \[--port <p>\] \[--host <address>\]/);
  });
});
