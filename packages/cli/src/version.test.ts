import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { memoryIo } from './cliFixtures';
import { runCli } from './runCli';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('jahskit --version', () => {
  test('prints the package version and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out()).toBe(`${version}\n`);
    expect(io.err()).toBe('');
  });

  test('the launcher answers it before loading the CLI, in a checkout too', () => {
    const bin = fileURLToPath(new URL('../bin/jahskit.js', import.meta.url));
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
  });

  test('with anything after it, it is an unknown command, not a silent version', async () => {
    const io = memoryIo();
    expect(await runCli(['--version', 'list'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown command "--version"/);
  });
});
