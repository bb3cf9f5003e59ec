import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { BUILTIN_EXPERIMENTS } from '../compare/builtinExperiments';
import { defaultModules } from '../defaultModules';
import { commands } from '../runCli';
import { ADVERSARIAL_VALUES, expectCleanOutcome, flagValue, fuzzTest, jahskit, Sandbox } from './fuzzFixtures';

/**
 * How to fuzz one command's command line. The flags themselves are not listed here: they are read
 * from the command's own "Unknown option" error, so a flag added to a command is fuzzed at once.
 * `poison` is appended last (the last value of a flag wins): a value that every run of the command
 * refuses before it does any work or writes anything, so that garbage which happens to be valid
 * cannot start a long study, while every check that runs before it meets the garbage.
 */
interface CommandFuzz {
  /** Words before the flags (a sub-command). */
  readonly lead?: fc.Arbitrary<readonly string[]>;
  /** Positional arguments mixed in with the flags. */
  readonly positional?: fc.Arbitrary<string>;
  readonly poison?: readonly string[];
  /** Valid command lines exist among the generated ones (they must then succeed cleanly). */
  readonly success?: boolean;
  /** Values of particular flags, instead of `flagValue`. */
  readonly values?: Readonly<Record<string, fc.Arbitrary<string>>>;
}

const garbageWord = fc.oneof(fc.constantFrom(...ADVERSARIAL_VALUES), fc.string({ maxLength: 12 }));
/** Storage URLs: memory, files in the sandbox (one holds no journal), garbage; never a server to dial. */
const storageUrl = fc.oneof(
  fc.constantFrom('memory:', 'file:', 'file:out/s.jsonl', 'file:in/points.txt', 'file:in', 'file://host/x', 'file:///', 'file:%00', 'postgres', 'sqlite:x'),
  flagValue.filter((v) => !v.startsWith('postgres')),
);
const experimentNames = new Set(BUILTIN_EXPERIMENTS.map((e) => e.name));

const FUZZ: Readonly<Record<string, CommandFuzz>> = {
  list: { positional: fc.oneof(fc.constantFrom('benchmarks', 'optimizers', 'spaces'), garbageWord), success: true },
  run: { poison: ['--optimizer', 'zz-poison'] },
  study: {
    // Mostly a storage and a study name, so that the checks after them are reached.
    lead: fc
      .tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom('create', 'ask', 'tell', 'show', 'list', 'export') }, { weight: 1, arbitrary: garbageWord }),
        fc.option(storageUrl, { freq: 4 }),
        fc.option(fc.oneof(fc.constant('s'), garbageWord), { freq: 4 }),
      )
      .map(([action, storage, name]) => [action, ...(storage === null ? [] : ['--storage', storage]), ...(name === null ? [] : ['--name', name])]),
    poison: ['--optimizer', 'zz-poison'],
    // `study list` of an empty storage is valid.
    success: true,
    values: { storage: storageUrl },
  },
  compare: { poison: ['--optimizers', 'zz-poison'] },
  worker: { poison: ['--storage', 'zz-poison'] },
  report: { lead: garbageWord.map((w) => [w]), positional: garbageWord },
  experiment: { lead: garbageWord.filter((w) => !experimentNames.has(w)).map((w) => [w]), positional: garbageWord },
  // A valid command line would serve until stopped: a port that is never valid ends every run first.
  dashboard: { positional: garbageWord, poison: ['--port', 'zz-poison'] },
  eval: { positional: garbageWord, poison: ['--benchmark', 'zz-poison'] },
  data: {
    lead: fc.oneof({ weight: 4, arbitrary: fc.constant('check') }, { weight: 1, arbitrary: garbageWord }).map((a) => [a]),
    positional: garbageWord,
    poison: ['--benchmark', 'zz-poison'],
  },
  hv: { positional: garbageWord, success: true },
  hvc: { positional: garbageWord, success: true },
  nds: { positional: garbageWord, success: true },
  space: {
    lead: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('convert', 'show', 'sample') }, { weight: 1, arbitrary: garbageWord }).map((a) => [a]),
    positional: garbageWord,
  },
};

interface Flag {
  readonly name: string;
  readonly takesValue: boolean;
}

const all = commands(() => defaultModules());
const flagsOf = new Map<string, readonly Flag[]>();

/** A command's flags as its own error lists them: "Unknown option '--zz'; options: --out <value>, --quiet". */
async function discoverFlags(name: string, lead: readonly string[]): Promise<readonly Flag[]> {
  const { err } = await jahskit([name, ...lead, '--zz-no-such-flag'], new Sandbox().root);
  const list = /options: (.*)$/m.exec(err)?.[1];
  if (list === undefined) throw new Error(`jahskit ${name} did not list its options: ${err}`);
  return list.split(', ').map((text) => ({ name: text.replace(/^--/, '').replace(/ <value>$/, ''), takesValue: text.endsWith(' <value>') }));
}

/** One token or two of a command line, for a known flag or not. */
function flagTokens(flags: readonly Flag[], values: CommandFuzz['values']): fc.Arbitrary<readonly string[]> {
  const known = fc.constantFrom(...flags).chain((flag): fc.Arbitrary<readonly string[]> => {
    if (!flag.takesValue)
      return fc.constantFrom<readonly string[]>([`--${flag.name}`], [`--${flag.name}=`], [`--${flag.name}=yes`], [`--${flag.name}`, `--${flag.name}`]);
    const value = values?.[flag.name] ?? flagValue;
    return fc.oneof(
      { weight: 6, arbitrary: value.map((v): readonly string[] => [`--${flag.name}`, v]) },
      { weight: 3, arbitrary: value.map((v): readonly string[] => [`--${flag.name}=${v}`]) },
      { weight: 1, arbitrary: fc.constant<readonly string[]>([`--${flag.name}`]) },
    );
  });
  const unknown = fc.oneof(
    fc.string({ maxLength: 10 }).map((s): readonly string[] => [`--${s}`]),
    fc.constantFrom<readonly string[]>(['-'], ['--'], ['-x'], ['---quiet'], ['-qq']),
  );
  return fc.oneof({ weight: 8, arbitrary: known }, { weight: 1, arbitrary: unknown });
}

function commandLine(name: string, fuzz: CommandFuzz): fc.Arbitrary<readonly string[]> {
  const flags = flagsOf.get(name)!;
  const token =
    fuzz.positional === undefined
      ? flagTokens(flags, fuzz.values)
      : fc.oneof({ weight: 5, arbitrary: flagTokens(flags, fuzz.values) }, { weight: 1, arbitrary: fuzz.positional.map((p) => [p]) });
  // Mostly one bad flag among defaults, so that the check of every flag is reached, not only the first.
  const count = fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 5 }) });
  return fc
    .tuple(
      fuzz.lead ?? fc.constant([]),
      count.chain((n) => fc.array(token, { minLength: n, maxLength: n })),
    )
    .map(([lead, tokens]) => [name, ...lead, ...tokens.flat(), ...(fuzz.poison ?? [])]);
}

describe('every command line: garbage flags and values fail cleanly and touch no file', () => {
  beforeAll(async () => {
    const leads: Readonly<Record<string, readonly string[]>> = { study: ['create'], space: ['show'] };
    for (const command of all) flagsOf.set(command.name, await discoverFlags(command.name, leads[command.name] ?? []));
  });

  test('every command has a fuzz entry, and its flags are found', () => {
    expect(Object.keys(FUZZ).sort()).toEqual(all.map((c) => c.name).sort());
    for (const command of all) expect(flagsOf.get(command.name)!.length, command.name).toBeGreaterThan(0);
  });

  for (const [name, fuzz] of Object.entries(FUZZ)) {
    const sandbox = new Sandbox(`jahskit-fuzz-flags-${name}-`);
    sandbox.input('points.txt', '1 2\n3 4\n');
    const stdin = fc.oneof(fc.constant(''), fc.constantFrom('1 2\n2 1\n', 'x\n', '{"config": {}}\n'), fc.string({ maxLength: 40 }));
    fuzzTest(`jahskit ${name}`, [fc.constant(null).chain(() => commandLine(name, fuzz)), stdin], 100, async (argv, input) => {
      const before = sandbox.snapshot();
      const outcome = await jahskit(argv, sandbox.root, input);
      const help = argv.includes('--help') || argv.includes('-h');
      expectCleanOutcome(outcome, name, { success: fuzz.success === true || help });
      expect(sandbox.changesOutside(before), argv.join(' ')).toEqual([]);
      expect([...sandbox.outputFiles().keys()], argv.join(' ')).toEqual([]);
    });
  }
});
