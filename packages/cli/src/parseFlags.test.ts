import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from './cliFixtures';
import { CliError } from './commandLineError';
import { parseFlags } from './parseFlags';
import { runCli } from './runCli';

const options = { seed: { type: 'string' }, reference: { type: 'string', short: 'r' }, quiet: { type: 'boolean', short: 'q' } } as const;

function usageMessage(body: () => unknown): string {
  try {
    body();
  } catch (error) {
    if (CliError.is(error) && error.kind === 'usage') return error.message;
    throw error;
  }
  throw new Error('no error');
}

describe('parseFlags', () => {
  test('a value starting with a dash belongs to the flag before it', () => {
    expect(parseFlags(['--seed', '-1'], options).values.seed).toBe('-1');
    expect(parseFlags(['-r', '-1,-2'], options).values.reference).toBe('-1,-2');
    expect(parseFlags(['--seed=-1', '-q'], options).values).toEqual({ seed: '-1', quiet: true });
    expect(parseFlags(['--seed', '-', '-r', '-.5'], options).values).toEqual({ seed: '-', reference: '-.5' });
  });

  test('a flag where a value should be is a missing value, not the value', () => {
    expect(usageMessage(() => parseFlags(['--seed', '--quiet'], options))).toBe('--seed needs a value');
    expect(usageMessage(() => parseFlags(['--seed', '-q'], options))).toBe('--seed needs a value');
    expect(usageMessage(() => parseFlags(['-r'], options))).toBe('--reference needs a value');
  });

  test('a repeatable flag collects its values in order, and is absent when not given', () => {
    const repeatable = { constraint: { type: 'string', multiple: true }, seed: { type: 'string' } } as const;
    expect(parseFlags(['--constraint', 'a <= 1', '--seed', '2', '--constraint=b > -1'], repeatable).values).toEqual({
      constraint: ['a <= 1', 'b > -1'],
      seed: '2',
    });
    expect(parseFlags(['--seed', '2'], repeatable).values.constraint).toBeUndefined();
    // A single flag keeps its last value, as before.
    expect(parseFlags(['--seed', '1', '--seed', '2'], repeatable).values.seed).toBe('2');
  });

  test('after -- everything is positional', () => {
    expect(parseFlags(['--', '--seed', '-1'], options, true).positionals).toEqual(['--seed', '-1']);
  });

  test('every parse error is a one-line usage error naming the flag', () => {
    expect(usageMessage(() => parseFlags(['--frob'], options))).toBe("Unknown option '--frob'; options: --seed <value>, --reference <value>, --quiet");
    expect(usageMessage(() => parseFlags(['--quiet=yes'], options))).toBe('--quiet takes no value');
    expect(usageMessage(() => parseFlags(['extra'], options))).toMatch(/^unexpected argument "extra": this command takes only the options --seed <value>/);
  });

  test('a misspelt flag gets the nearest one suggested (commander finds it)', () => {
    expect(usageMessage(() => parseFlags(['--seeed', '1'], options))).toBe(
      "Unknown option '--seeed' (did you mean --seed?); options: --seed <value>, --reference <value>, --quiet",
    );
  });

  test('a negative number where a flag belongs is an unknown flag, not an argument', () => {
    expect(usageMessage(() => parseFlags(['-5'], options, true))).toMatch(/^Unknown option '-5'; options: /);
    expect(parseFlags(['--', '-5'], options, true).positionals).toEqual(['-5']);
  });

  test('short flags group, values attach, defaults fill what is not given, the last of a repeated flag wins', () => {
    expect(parseFlags(['-qr1,2'], options).values).toEqual({ quiet: true, reference: '1,2' });
    expect(parseFlags(['--seed', '1', '--seed=2'], options).values).toEqual({ seed: '2' });
    expect(parseFlags([], { out: { type: 'string', default: 'runs' } }).values).toEqual({ out: 'runs' });
    expect(usageMessage(() => parseFlags(['--seed', '--'], options))).toBe('--seed needs a value');
  });
});

/** The same kind of mistake gets the same answer from every command: exit 2 and one line saying what is allowed. */
describe('bad flag values, command by command', () => {
  const seedRange = 'must be an integer from 0 to 4294967295';
  const cases: [string[], RegExp][] = [
    [['run', '--seed', '-1'], new RegExp(`--seed ${seedRange}, got "-1"$`)],
    [['run', '--seed', 'x'], new RegExp(`--seed ${seedRange}, got "x"$`)],
    [['run', '--seed', '99999999999999'], new RegExp(`--seed ${seedRange}, got "99999999999999"$`)],
    [['run', '--budget', '-5'], /--budget must be a number of trials \(e\.g\. 200\) or simulated seconds \(e\.g\. 86400s\), got "-5"$/],
    [['run', '--workers', '-2'], /--workers must be an integer >= 1, got "-2"$/],
    [['run', '--mode', '-x'], /--mode must be one of async, sync, got "-x"$/],
    [['run', '--benchmark-options', '-5'], /--benchmark-options must be a JSON object, e\.g\. .*; got "-5"$/],
    [['run', '--out'], /--out needs a value$/],
    [['run', '--quiet=yes'], /--quiet takes no value$/],
    [['compare', '--seeds', '-2'], /--seeds must be a count n >= 1 .*, got "-2"$/],
    [['compare', '--seeds', '99999999999999'], /--seeds must be a count n >= 1 .*, got "99999999999999"$/],
    [['compare', '--threads', '-1'], /--threads must be an integer >= 1, got "-1"$/],
    [['compare', '--optimizer-options', '-1'], /--optimizer-options must be a JSON object, e\.g\. .*; got "-1"$/],
    [['experiment', 'jahs-joint-vs-single', '--seeds', '-2'], /--seeds must be a count n >= 1 .*, got "-2"$/],
    [['experiment', 'jahs-joint-vs-single', '--threads', '0'], /--threads must be an integer >= 1, got "0"$/],
    [['eval', '--benchmark', 'synthetic', '--benchmark-options', '-5'], /--benchmark-options must be a JSON object, e\.g\. .*; got "-5"$/],
    [['eval', '--benchmark'], /--benchmark needs a value$/],
    [['data', 'check', '--benchmark-options', '-5'], /--benchmark-options must be a JSON object, e\.g\. .*; got "-5"$/],
    [['report', 'somewhere', '--out'], /--out needs a value$/],
    [['list', '--json=yes'], /--json takes no value$/],
    [['list', '--frob'], /Unknown option '--frob'; options: --json$/],
    [['hv', '-r', '-1,x'], /--reference: "x" is not a number$/],
    [['hv', '-r'], /--reference needs a value$/],
    [['hvc', '-r', '1e309,1'], /--reference: "1e309" is beyond double precision/],
    [['nds', '--frob'], /Unknown option '--frob'; options: --reference <value>, --obj <value>, --maximise, --maximize, --union, --quiet, --help, --json$/],
  ];
  test.each(cases)('jahskit %j', async (argv, message) => {
    const io = memoryIo('0 0\n', mkdtempSync(join(tmpdir(), 'jahskit-flags-')));
    expect(await runCli(argv, io)).toBe(2);
    const err = io.err();
    expect(err.endsWith('\n') && err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(new RegExp(`^jahskit ${argv[0]}: `));
    expect(err.trimEnd()).toMatch(message);
    expect(io.out()).toBe('');
  });

  test('negative values that are allowed are taken', async () => {
    const io = memoryIo('-2 -2\n');
    expect(await runCli(['hv', '-r', '-1,-1'], io)).toBe(0);
    expect(io.out()).toBe('1\n');
  });
});
