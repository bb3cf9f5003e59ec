import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { memoryIo } from './cliFixtures';
import { CliError } from './commandLineError';
import { defineCommand, type CommandLine } from './defineCommand';
import type { FlagOptions } from './parseFlags';

const FLAGS = { seed: { type: 'string', default: '0' }, quiet: { type: 'boolean', short: 'q' } } as const;

/** The command line a command's logic was handed, and its exit code. */
async function handed<O extends FlagOptions, A extends string>(
  spec: Parameters<typeof defineCommand<O, A>>[0],
  argv: readonly string[],
): Promise<CommandLine<O, A>> {
  let line: CommandLine<O, A> | undefined;
  const command = defineCommand(spec, async (given) => {
    line = given;
    return 3;
  });
  expect(await command.run(argv, memoryIo())).toBe(3);
  return line!;
}

async function usageError(run: () => Promise<unknown>): Promise<CliError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!CliError.is(error) || error.kind !== 'usage') throw new Error(`expected a usage error, got ${String(error)}`);
  return error;
}

describe('defineCommand', () => {
  test('the Command lists what the spec declares, for help and shell completion', () => {
    const command = defineCommand(
      { name: 'x', summary: 'does x', usage: 'usage: jahskit x', flags: FLAGS, deprecatedFlags: ['quiet'], words: ['a', 'b'] },
      async () => 0,
    );
    expect(command).toMatchObject({ name: 'x', summary: 'does x', usage: 'usage: jahskit x', flags: FLAGS, deprecatedFlags: ['quiet'], words: ['a', 'b'] });
    const bare = defineCommand({ name: 'y', summary: 's', usage: 'u', flags: {} }, async () => 0);
    expect('words' in bare || 'deprecatedFlags' in bare).toBe(false);
    expect(defineCommand({ name: 'z', summary: 's', usage: 'u', flags: {}, actions: ['go', 'stop'] }, async () => 0).words).toEqual(['go', 'stop']);
  });

  test('the logic gets the flags parsed from the declared table, defaults included, and the words they came from', async () => {
    const line = await handed({ name: 'x', summary: '', usage: '', flags: FLAGS }, ['-q']);
    expect(line.values).toEqual({ seed: '0', quiet: true });
    expect(line.positionals).toEqual([]);
    expect(line.argv).toEqual(['-q']);
    // Without plugin options, a plugin's options are its JSON flag's.
    expect(line.options('optimizer', { eta: 3 }, '--optimizer-options')).toEqual({ eta: 3 });
  });

  test('words besides the flags only where declared; an unknown flag is a usage error naming the flags', async () => {
    const spec = { name: 'x', summary: '', usage: '', flags: FLAGS };
    const run = (argv: readonly string[]) => defineCommand(spec, async () => 0).run(argv, memoryIo());
    expect((await usageError(() => run(['file.txt']))).message).toMatch(
      /^unexpected argument "file.txt": this command takes only the options --seed <value>, --quiet$/,
    );
    expect((await usageError(() => run(['--seeds', '1']))).parameter).toBe('options');
    expect((await handed({ ...spec, positionals: true }, ['a', '--seed', '7', 'b'])).positionals).toEqual(['a', 'b']);
  });

  test('with actions, the first word is the action and the flags are parsed after it', async () => {
    const spec = { name: 'x', summary: '', usage: '', flags: FLAGS, actions: ['ask', 'tell'] as const };
    const line = await handed(spec, ['tell', '--seed', '2']);
    expect(line.action).toBe('tell');
    expect(line.values.seed).toBe('2');
    expect(line.argv).toEqual(['--seed', '2']);
    const error = await usageError(() => defineCommand(spec, async () => 0).run(['--seed', '2'], memoryIo()));
    expect(error.message).toBe('jahskit x needs one of ask, tell, got "--seed"');
  });

  test("with pluginOptions, a plugin's options are flags too, and the plugins are looked up only for a flag not declared", async () => {
    const descriptor = { id: 'p', options: z.object({ eta: z.number().optional() }) };
    const looked: (readonly string[])[] = [];
    const spec = {
      name: 'x',
      summary: '',
      usage: '',
      flags: FLAGS,
      pluginOptions: (argv: readonly string[]) => {
        looked.push(argv);
        return [{ kind: 'optimizer' as const, descriptor }];
      },
    };
    await handed(spec, ['--seed', '1']);
    expect(looked).toEqual([]);
    const line = await handed(spec, ['--eta', '3']);
    expect(looked).toEqual([['--eta', '3']]);
    expect(line.options('optimizer', {}, '--optimizer-options')).toEqual({ eta: 3 });
  });
});
