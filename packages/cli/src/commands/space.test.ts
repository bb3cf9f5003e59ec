import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigSpaceJson, readPcs } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

const SPACE = {
  name: 'demo',
  hyperparameters: [
    { name: 'a', type: 'categorical', choices: ['x', 'y'], default: 'x', probabilities: null },
    { name: 'b', type: 'uniform_int', lower: 1, upper: 3, log: false, default: 2 },
    { name: 'c', type: 'ordinal', sequence: [1, 2], default: 1 },
  ],
  conditions: [{ child: 'b', parent: 'a', type: 'EQ', value: 'x' }],
  forbiddens: [
    {
      type: 'AND',
      clauses: [
        { name: 'a', type: 'EQUALS', value: 'y' },
        { name: 'c', type: 'EQUALS', value: 2 },
      ],
    },
  ],
  python_module_version: '0.6.1',
  json_format_version: 0.4,
};

const PRIORS = {
  hyperparameters: [
    { name: 'lr', type: 'normal_float', log: false, mu: 0.5, sigma: 0.1, lower: 0, upper: 1, default: 0.5 },
    { name: 'opt', type: 'categorical', choices: ['sgd', 'adam'], default: 'adam', weights: [1, 3] },
  ],
  conditions: [],
  forbiddens: [],
  json_format_version: 0.4,
};

const PCS = `lr real [0.001, 1] [0.01]log
opt categorical {sgd, adam} [adam]
momentum real [0, 0.9] [0.5]
momentum | opt == sgd
`;

function workspace() {
  const cwd = mkdtempSync(join(tmpdir(), 'jahskit-space-'));
  writeFileSync(join(cwd, 'demo.json'), JSON.stringify(SPACE));
  writeFileSync(join(cwd, 'priors.json'), JSON.stringify(PRIORS));
  writeFileSync(join(cwd, 'train.pcs'), PCS);
  const cli = async (...args: string[]) => {
    const io = memoryIo('', cwd);
    const code = await runCli(['space', ...args], io, { modules: [] });
    return { code, out: io.out(), err: io.err() };
  };
  const read = (file: string) => readFileSync(join(cwd, file), 'utf8');
  return { cwd, cli, read };
}

describe('jahskit space show', () => {
  test('parameters, conditions, clauses and the number of configurations', async () => {
    const { cli } = workspace();
    const shown = await cli('show', 'demo.json');
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toBe(
      [
        'demo.json: ConfigSpace JSON 0.4, space "demo"',
        '3 parameters, 1 condition, 1 forbidden clause',
        'parameters:',
        '  a  categorical  {x, y}   default x',
        '  b  integer      [1, 3]   default 2',
        '  c  ordinal      (1 < 2)  default 1',
        'conditions:',
        '  b | a == "x"',
        'forbidden:',
        '  (a == "y" && c == 2)',
        'size: 7 configurations',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await cli('show', 'demo.json', '--json')).out);
    expect(json).toMatchObject({
      format: 'configspace-json@0.4',
      name: 'demo',
      size: 7,
      conditions: [{ child: 'b', condition: 'a == "x"' }],
      forbiddens: ['(a == "y" && c == 2)'],
    });
    expect(json.parameters[1]).toEqual({ name: 'b', type: 'integer', range: [1, 3], default: 2, log: false });
  });

  test('priors and weights are shown; a continuous float makes the space infinite; PCS is told from the content', async () => {
    const { cli } = workspace();
    const shown = await cli('show', 'priors.json');
    expect(shown.out).toMatch(/^ {2}lr +float +\[0, 1\] +default 0\.5 {2}prior normal\(mu=0\.5, sigma=0\.1\)$/m);
    expect(shown.out).toMatch(/^ {2}opt +categorical +\{sgd, adam\} +default adam {2}weights 1, 3$/m);
    expect(shown.out).toMatch(/^size: infinite$/m);
    expect(JSON.parse((await cli('show', 'priors.json', '--json')).out).parameters[0].prior).toEqual({ kind: 'normal', mu: 0.5, sigma: 0.1 });
    const pcs = await cli('show', 'train.pcs', '--json');
    expect(JSON.parse(pcs.out)).toMatchObject({ format: 'pcs', conditions: [{ child: 'momentum', condition: 'opt == "sgd"' }], size: 'infinite' });
  });
});

describe('jahskit space sample', () => {
  test('JSON lines of legal configurations, the same for a seed whatever -n', async () => {
    const { cli } = workspace();
    const five = await cli('sample', 'train.pcs', '-n', '5', '--seed', '1');
    expect(five.code).toBe(0);
    const lines = five.out.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const space = readPcs(PCS);
    for (const line of lines) expect(space.validate(JSON.parse(line))).toEqual(JSON.parse(line));
    expect((await cli('sample', 'train.pcs', '-n', '5', '--seed', '1')).out).toBe(five.out);
    expect((await cli('sample', 'train.pcs', '-n', '2', '--seed', '1')).out).toBe(`${lines.slice(0, 2).join('\n')}\n`);
    expect((await cli('sample', 'train.pcs', '-n', '5', '--seed', '2')).out).not.toBe(five.out);
    expect(JSON.parse((await cli('sample', 'train.pcs', '-n', '5', '--seed', '1', '--json')).out)).toEqual(lines.map((l) => JSON.parse(l)));
  });

  test('draws follow the priors', async () => {
    const { cli } = workspace();
    const drawn = (await cli('sample', 'priors.json', '-n', '400', '--seed', '3')).out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { lr: number; opt: string });
    const near = drawn.filter((c) => Math.abs(c.lr - 0.5) < 0.2).length / drawn.length;
    const adam = drawn.filter((c) => c.opt === 'adam').length / drawn.length;
    // N(0.5, 0.1): 95% within 0.2 (uniform: 40%); weights 1:3: 75% adam.
    expect(near).toBeGreaterThan(0.9);
    expect(adam).toBeGreaterThan(0.65);
    expect(adam).toBeLessThan(0.85);
  });
});

describe('jahskit space convert', () => {
  test('the format follows OUT’s name; a JSON space read back is the same; PCS and back keeps the space', async () => {
    const { cli, read } = workspace();
    expect(await cli('convert', 'demo.json', 'same.json')).toMatchObject({ code: 0, out: '' });
    // Written in the dialect read, every field kept (python_module_version, "probabilities": null).
    expect(JSON.parse(read('same.json'))).toEqual(SPACE);
    expect(await cli('convert', 'train.pcs', 'train.json')).toMatchObject({ code: 0 });
    expect(JSON.parse(read('train.json'))).toHaveProperty('json_format_version', 0.4);
    expect(await cli('convert', 'train.json', 'again.pcs')).toMatchObject({ code: 0 });
    expect(readPcs(read('again.pcs')).parameters).toEqual(readPcs(PCS).parameters);
    expect(readPcs(read('again.pcs')).conditions).toEqual(readPcs(PCS).conditions);
  });

  test('--format chooses the dialect: ConfigSpace 1.x JSON, classic PCS', async () => {
    const { cli, read } = workspace();
    expect(await cli('convert', 'demo.json', 'v1.json', '--format', 'configspace-json@1')).toMatchObject({ code: 0 });
    const v1 = JSON.parse(read('v1.json'));
    expect(v1).toHaveProperty('format_version');
    expect(v1).not.toHaveProperty('json_format_version');
    expect(v1.hyperparameters[0]).toHaveProperty('default_value', 'x');
    expect(readConfigSpaceJson(read('v1.json')).parameters).toEqual(readConfigSpaceJson(SPACE).parameters);
    expect(await cli('convert', 'v1.json', 'back.json', '--format', 'configspace-json@0.4')).toMatchObject({ code: 0 });
    expect(JSON.parse(read('back.json'))).toHaveProperty('json_format_version', 0.4);
    expect(await cli('convert', 'train.pcs', 'classic.txt', '--format', 'pcs-classic')).toMatchObject({ code: 0 });
    expect(read('classic.txt')).toContain('lr [0.001, 1] [0.01]l');
  });

  test('an existing OUT is never replaced without --force', async () => {
    const { cli, read, cwd } = workspace();
    writeFileSync(join(cwd, 'taken.pcs'), 'keep me\n');
    const refused = await cli('convert', 'demo.json', 'taken.pcs');
    expect(refused.code).toBe(2);
    expect(refused.err).toBe('jahskit space: "taken.pcs" exists: give --force to replace it\n');
    expect(read('taken.pcs')).toBe('keep me\n');
    expect(await cli('convert', 'demo.json', 'taken.pcs', '--force')).toMatchObject({ code: 0 });
    expect(readPcs(read('taken.pcs')).parameters.map((p) => p.name)).toEqual(['a', 'b', 'c']);
  });

  test('what the target format cannot say is refused, naming the parameter, and nothing is written', async () => {
    const { cli, cwd } = workspace();
    const priors = await cli('convert', 'priors.json', 'priors.pcs');
    expect(priors.code).toBe(1);
    expect(priors.err).toMatch(/^jahskit space: cannot write "priors\.pcs" as pcs: parameter "lr": .*; allowed: .*\n$/);
    expect(() => readFileSync(join(cwd, 'priors.pcs'))).toThrow();
  });
});

describe('jahskit space: bad input is one line, exit 2 for the command line, 1 for the files', () => {
  test.each([
    [
      ['convert', 'demo.json', 'x.json', '--format', 'yaml'],
      2,
      'jahskit space: --format must be one of configspace-json@0.4, configspace-json@1, pcs, pcs-classic, got "yaml"',
    ],
    [
      ['convert', 'demo.json', 'x.txt'],
      2,
      'jahskit space: cannot tell the format of "x.txt" from its name: give --format (configspace-json@0.4, configspace-json@1, pcs, pcs-classic) or name it *.json or *.pcs',
    ],
    [['show', 'missing.json'], 1, 'jahskit space: FILE "missing.json": cannot read it (ENOENT)'],
    [['convert', 'missing.pcs', 'x.json'], 1, 'jahskit space: IN "missing.pcs": cannot read it (ENOENT)'],
    [['show'], 2, 'jahskit space: jahskit space show takes FILE, got nothing'],
    [['convert', 'demo.json'], 2, 'jahskit space: jahskit space convert takes IN OUT, got "demo.json"'],
    [['frob'], 2, 'jahskit space: jahskit space needs one of convert, show, sample, got "frob"'],
    [['show', 'demo.json', '-n', '3'], 2, 'jahskit space: -n belongs to jahskit space sample, not show'],
    [['sample', 'demo.json', '-n', '0'], 2, 'jahskit space: --n must be an integer from 1 to 100000, got "0"'],
  ])('%j', async (args, code, line) => {
    const { cli } = workspace();
    expect(await cli(...args)).toEqual({ code, out: '', err: `${line}\n` });
  });

  test('a file that is neither JSON nor PCS, or JSON that is not a space', async () => {
    const { cli, cwd } = workspace();
    writeFileSync(join(cwd, 'notes.txt'), 'hello world\n');
    writeFileSync(join(cwd, 'list.json'), '[1, 2]');
    writeFileSync(join(cwd, 'empty.txt'), '# nothing\n');
    writeFileSync(join(cwd, 'broken.json'), '{"hyperparameters": [{"name": "x", "type": "gaussian"}]}');
    writeFileSync(join(cwd, 'bad.pcs'), 'lr real [0.001, 1] [0.01]log\nlr | opt == sgd\n');
    const errors = await Promise.all(['notes.txt', 'list.json', 'empty.txt', 'broken.json', 'bad.pcs'].map((f) => cli('show', f)));
    for (const e of errors) {
      expect(e.code).toBe(1);
      expect(e.err.split('\n')).toHaveLength(2);
    }
    expect(errors[0]!.err).toMatch(
      /^jahskit space: FILE "notes\.txt" is neither ConfigSpace JSON nor PCS: parameter "hello": notes\.txt line 1: cannot read "hello world"/,
    );
    expect(errors[1]!.err).toMatch(/^jahskit space: FILE "list\.json" is neither ConfigSpace JSON nor PCS: it holds a JSON array/);
    expect(errors[2]!.err).toMatch(/^jahskit space: FILE "empty\.txt" is neither ConfigSpace JSON nor PCS: it defines no parameter/);
    expect(errors[3]!.err).toMatch(
      /^jahskit space: FILE "broken\.json" \(ConfigSpace JSON\): .*unknown hyperparameter type "gaussian"; allowed: .*categorical/,
    );
    expect(errors[4]!.err).toMatch(
      /^jahskit space: FILE "bad\.pcs" \(PCS\): parameter "lr": bad\.pcs line 2: the condition refers to the unknown parent "opt"/,
    );
  });
});
