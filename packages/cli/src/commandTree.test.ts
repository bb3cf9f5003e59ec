import { describe, expect, test } from 'vitest';
import { memoryIo } from './cliFixtures';
import { defaultModules } from './defaultModules';
import { allowedFlags } from './parseFlags';
import { commands, runCli } from './runCli';

const all = commands(() => defaultModules());

describe('the command tree (help, completion) and what the commands parse', () => {
  test.each(all.map((c) => [c.name]))('jahskit %s lists in its tree the flags it parses', async (name) => {
    const command = all.find((c) => c.name === name)!;
    const lead = command.name === 'study' ? ['create'] : command.name === 'space' ? ['show'] : [];
    const io = memoryIo();
    expect(await runCli([name, ...lead, '--zz-no-such-flag'], io)).toBe(2);
    // run adds the options of its plugins after its own.
    expect(io.err()).toMatch(new RegExp(`options: ${allowedFlags(command.flags).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, .*)?\n$`));
  });
});

describe('jahskit without a command, with help, with a misspelt command', () => {
  test('the help lists every command with its summary; no command at all exits 2', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], []]) {
      const io = memoryIo();
      expect(await runCli(argv, io)).toBe(argv.length === 0 ? 2 : 0);
      for (const command of [...all.map((c) => c.name), 'completion']) expect(io.out()).toMatch(new RegExp(`^  ${command} .*\\S`, 'm'));
      expect(io.out()).toContain('--version');
    }
  });

  test('help <command> and <command> --help print its usage', async () => {
    for (const argv of [
      ['help', 'hv'],
      ['hv', '--help'],
      ['hv', '-h'],
    ]) {
      const io = memoryIo();
      expect(await runCli(argv, io)).toBe(0);
      expect(io.out()).toMatch(/^usage: jahskit hv -r/);
    }
  });

  test('a misspelt command gets the nearest one suggested; help of no command is the same error', async () => {
    const io = memoryIo();
    expect(await runCli(['lsit'], io)).toBe(2);
    expect(io.err()).toBe(`jahskit: unknown command "lsit" (did you mean list?); commands: ${all.map((c) => c.name).join(', ')}, completion\n`);
    const help = memoryIo();
    expect(await runCli(['help', 'zz'], help)).toBe(2);
    expect(help.err()).toMatch(/^jahskit: unknown command "zz"; commands: list, /);
  });
});
