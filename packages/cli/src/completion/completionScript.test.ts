import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '@jahskit/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { commands, runCli } from '../runCli';
import { defaultModules } from '../defaultModules';
import { commandTree } from '../commandTree';
import { completionScript } from './completionScript';

async function script(shell: string): Promise<string> {
  const io = memoryIo();
  expect(await runCli(['completion', shell], io)).toBe(0);
  expect(io.err()).toBe('');
  return io.out();
}

describe('jahskit completion bash, run by bash', () => {
  let file: string;
  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'jahskit-completion-')), 'jahskit.bash');
    writeFileSync(file, await script('bash'));
  });

  /** What bash offers for the command line `words`, the last word being the one completed. */
  function complete(...words: string[]): string[] {
    const line = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _jahskit; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return execFileSync('bash', ['--norc', '-c', line], { encoding: 'utf8', cwd: tmpdir() })
      .split('\n')
      .filter((w) => w !== '');
  }

  test('commands, then their flags, first words and the loaded plugin ids', () => {
    expect(complete('jahskit', 'h')).toEqual(['hv', 'hvc', 'help']);
    expect(complete('jahskit', 'run', '--opt')).toEqual(['--optimizer', '--optimizer-options']);
    const registry = createRegistry(defaultModules());
    const ids = (kind: 'optimizer' | 'benchmark', prefix: string): string[] =>
      (kind === 'optimizer' ? registry.list('optimizer') : registry.list('benchmark')).map((d) => d.id).filter((id) => id.startsWith(prefix));
    expect(ids('optimizer', 'tpe')).toContain('tpe+sha');
    expect(complete('jahskit', 'run', '--optimizer', 'tpe')).toEqual(ids('optimizer', 'tpe'));
    expect(complete('jahskit', 'eval', '--benchmark', 'nb')).toEqual(ids('benchmark', 'nb'));
    expect(complete('jahskit', 'list', 'opt')).toEqual(['optimizers']);
    expect(complete('jahskit', 'study', 'ex')).toEqual(['export']);
    expect(complete('jahskit', 'hv', '--j')).toEqual(['--json']);
    expect(complete('jahskit', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('jahskit', 'help', 'hv')).toEqual(['hv', 'hvc']);
    // The old names of renamed flags still parse but are no longer offered.
    expect(complete('jahskit', 'compare', '--b')).toEqual(['--budget']);
    expect(complete('jahskit', 'compare', '--w')).toEqual([]);
    expect(complete('jahskit', 'run', '--w')).toEqual(['--workers']);
  });
});

describe('jahskit completion zsh and fish', () => {
  test('every command and every flag but the deprecated ones is in each script, plugin ids after --optimizer', async () => {
    const all = commands(() => defaultModules());
    for (const shell of ['zsh', 'fish']) {
      const text = await script(shell);
      for (const command of all) {
        expect(text, `${shell} ${command.name}`).toContain(shell === 'zsh' ? `    ${command.name})` : `-a ${command.name} -d `);
        for (const flag of Object.keys(command.flags)) {
          const pattern =
            shell === 'zsh' ? new RegExp(`\\n {4}${command.name}\\)\\n {6}flags=\\([^)]*--${flag}[ )]`) : new RegExp(`from ${command.name}' -l ${flag}\\b`);
          if (command.deprecatedFlags?.includes(flag)) expect(text, `${shell} ${command.name} --${flag}`).not.toMatch(pattern);
          else expect(text, `${shell} ${command.name} --${flag}`).toMatch(pattern);
        }
      }
    }
    expect(await script('fish')).toMatch(/from run' -l optimizer -x -a '[^']*\btpe\+sha\b/);
    expect(await script('zsh')).toMatch(/--optimizer\) compadd -- [^;]*\btpe\+sha\b/);
  });

  test('a summary with quotes is quoted for the shell', () => {
    const tree = commandTree([{ name: 'x', summary: "it's a \\ test: yes", usage: '', flags: {}, run: async () => 0 }]);
    expect(completionScript('fish', tree)).toContain(`-a x -d 'it'\\''s a \\\\ test: yes'`);
    expect(completionScript('zsh', tree)).toContain(`'x:it'\\''s a \\\\ test: yes'`);
  });

  test('another shell is a usage error naming the ones there are', async () => {
    const io = memoryIo();
    expect(await runCli(['completion', 'tcsh'], io)).toBe(2);
    expect(io.err()).toBe('jahskit completion: completion is written for bash, zsh, fish, got "tcsh"\n');
  });
});
