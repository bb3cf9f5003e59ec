import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { snapshot } from '../compare/compareFixtures';
import { runCli } from '../runCli';

const small = ['compare', '--protocols', 'nb201', '--optimizers', 'rs,re', '--seeds', '2', '--threads', '1', '--quiet'];

describe('jahskit compare', () => {
  test('writes one results file per run, the analysis and leaderboards', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const io = memoryIo('', cwd);
    expect(await runCli([...small, '--out', 'grid'], io)).toBe(0);
    expect([...snapshot(join(cwd, 'grid')).keys()].sort()).toEqual([
      'nb201/re/seed0.jsonl',
      'nb201/re/seed1.jsonl',
      'nb201/rs/seed0.jsonl',
      'nb201/rs/seed1.jsonl',
    ]);
    expect(readdirSync(join(cwd, 'grid')).sort()).toEqual(['analysis.json', 'grid.json', 'leaderboard.csv', 'leaderboard.md', 'nb201']);
    expect(io.out()).toMatch(/ran 4 runs .* \(4 new, 0 resumed, 0 already finished\)/);
    expect(io.out()).toMatch(/\| rs \| black-box \| \d/);
    expect(io.err()).toMatch(/protocol "nb201" asks for at least 10 seeds; running 2/);
    const first = JSON.parse(readFileSync(join(cwd, 'grid', 'nb201', 'rs', 'seed0.jsonl'), 'utf8').split('\n')[0]!);
    expect(first.run).toMatchObject({ task: 'nb201', benchmark: 'nb201/cifar10', optimizer: 'rs', seed: 0, metric: 'regret' });
  });

  test('an interrupted grid resumes: torn last lines discarded, nothing duplicated, same bytes', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    expect(await runCli([...small, '--out', 'whole'], memoryIo('', cwd))).toBe(0);
    expect(await runCli([...small, '--out', 'cut'], memoryIo('', cwd))).toBe(0);
    const cut = join(cwd, 'cut', 'nb201');
    // A run killed in the middle of a line, one killed between lines, one that never started.
    truncateSync(join(cut, 'rs', 'seed0.jsonl'), 5000 + 17);
    const lines = readFileSync(join(cut, 're', 'seed1.jsonl'), 'utf8').split('\n');
    writeFileSync(join(cut, 're', 'seed1.jsonl'), `${lines.slice(0, 30).join('\n')}\n`);
    rmSync(join(cut, 'rs', 'seed1.jsonl'));
    const io = memoryIo('', cwd);
    expect(await runCli([...small, '--out', 'cut'], io)).toBe(0);
    expect(io.out()).toMatch(/resumed 4 runs .* \(1 new, 2 resumed, 1 already finished\)/);
    expect(snapshot(join(cwd, 'cut'))).toEqual(snapshot(join(cwd, 'whole')));
  });

  test('the number of threads changes nothing in the results', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    expect(await runCli([...small, '--out', 'one'], memoryIo('', cwd))).toBe(0);
    const threads = small.map((a) => (a === '1' ? '2' : a));
    expect(await runCli([...threads, '--out', 'two'], memoryIo('', cwd))).toBe(0);
    expect(snapshot(join(cwd, 'two'))).toEqual(snapshot(join(cwd, 'one')));
  });

  test('--benchmarks and --workers, the old names of --protocols and --threads, still work for one release, with a note', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const old = memoryIo('', cwd);
    expect(await runCli(['compare', '--benchmarks', 'nb201', '--optimizers', 'rs', '--seeds', '1', '--workers', '1', '--quiet', '--out', 'old'], old)).toBe(0);
    expect(old.err()).toContain('note: --benchmarks is deprecated and will be removed in the next release; use --protocols\n');
    expect(old.err()).toContain('note: --workers is deprecated and will be removed in the next release; use --threads\n');
    const current = memoryIo('', cwd);
    expect(await runCli(['compare', '--protocols', 'nb201', '--optimizers', 'rs', '--seeds', '1', '--threads', '1', '--quiet', '--out', 'new'], current)).toBe(
      0,
    );
    expect(current.err()).not.toContain('deprecated');
    expect(snapshot(join(cwd, 'old'))).toEqual(snapshot(join(cwd, 'new')));
    const both = memoryIo('', cwd);
    expect(await runCli(['compare', '--protocols', 'nb201', '--benchmarks', 'nb201', '--out', 'both'], both)).toBe(2);
    expect(both.err()).toMatch(/--benchmarks is the old name of --protocols: give one of them/);
  });

  test('--list-protocols lists and runs nothing; a grid flag beside it is a usage error naming the flag', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const listed = memoryIo('', cwd);
    expect(await runCli(['compare', '--list-protocols'], listed)).toBe(0);
    expect(listed.out()).toContain('nb201-paper');
    const mixed = memoryIo('', cwd);
    expect(await runCli(['compare', '--list-protocols', '--optimizers', 'rs'], mixed)).toBe(2);
    expect(mixed.err()).toMatch(/--list-protocols lists the protocols and runs nothing; it takes only --protocol-file \(got --optimizers\)/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('a labelled variant (re@small) runs an optimizer again with other options, in its own folder and leaderboard row', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const io = memoryIo('', cwd);
    const options = JSON.stringify({ 're@small': { population: 10, sampleSize: 3 } });
    expect(
      await runCli(
        [
          'compare',
          '--protocols',
          'nb201',
          '--optimizers',
          're,re@small',
          '--optimizer-options',
          options,
          '--seeds',
          '2',
          '--threads',
          '1',
          '--quiet',
          '--out',
          'grid',
        ],
        io,
      ),
    ).toBe(0);
    const files = snapshot(join(cwd, 'grid'));
    expect([...files.keys()].sort()).toEqual(['nb201/re/seed0.jsonl', 'nb201/re/seed1.jsonl', 'nb201/re@small/seed0.jsonl', 'nb201/re@small/seed1.jsonl']);
    expect(files.get('nb201/re@small/seed0.jsonl')).not.toEqual(files.get('nb201/re/seed0.jsonl'));
    expect(readFileSync(join(cwd, 'grid', 'nb201', 're@small', 'seed0.jsonl'), 'utf8')).toContain('"optimizerOptions":{"population":10,"sampleSize":3}');
    expect(readFileSync(join(cwd, 'grid', 'leaderboard.md'), 'utf8')).toMatch(/\| re@small \|/);
  });

  test.each([
    [['--optimizers', 're@'], /--optimizers entry "re@" is not an optimizer id or id@variant/, 2],
    [['--optimizers', 're@small'], /--optimizers names the variant "re@small", which has no options in --optimizer-options/, 2],
    [['--optimizers', 'nope@x', '--optimizer-options', '{"nope@x": {}}'], /unknown optimizer "nope"/, 1],
    [['--optimizers', 're@small', '--optimizer-options', '{"re@small": {"population": -1}}'], /optimizer "re@small": option "population"/, 1],
  ])('a bad variant %j gives one readable line', async (args, message, code) => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const io = memoryIo('', cwd);
    expect(await runCli(['compare', '--protocols', 'nb201', '--seeds', '1', '--quiet', '--out', 'x', ...args], io)).toBe(code);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });

  test('a grid of one run works with several threads (issue 13)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const io = memoryIo('', cwd);
    expect(await runCli(['compare', '--protocols', 'nb201', '--optimizers', 'rs', '--seeds', '1', '--threads', '2', '--quiet', '--out', 'one'], io)).toBe(0);
    expect(io.out()).toMatch(/ran 1 runs .* \(1 new, 0 resumed, 0 already finished\) with 1 thread\b/);
    expect([...snapshot(join(cwd, 'one')).keys()]).toEqual(['nb201/rs/seed0.jsonl']);
  });

  test('a grid whose runs fail reports their error, and its folder can then be used by an identical or another grid (issue 13)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    // No data folder for NAS-HPO-Bench-II in this environment: every run fails on loading it.
    const failing = ['compare', '--protocols', 'nashpobench2', '--optimizers', 'rs', '--seeds', '2', '--threads', '2', '--quiet', '--out', 'grid'];
    for (const attempt of [1, 2]) {
      const io = memoryIo('', cwd);
      expect(await runCli(failing, io), `attempt ${attempt}`).toBe(1);
      expect(io.err()).toMatch(/2 of 2 runs failed; the first: .*seed\d\.jsonl: nashpobench2: no data folder is set/);
    }
    const io = memoryIo('', cwd);
    expect(await runCli([...small, '--out', 'grid'], io)).toBe(0);
    expect(io.out()).toMatch(/ran 4 runs .* \(4 new, 0 resumed, 0 already finished\)/);
  });

  test.each([
    [['--protocols', 'nb999'], /unknown protocol "nb999" in --protocols; protocols: jahs, jahs-nas, .*nb201/, 2],
    [['--seeds', '0'], /--seeds must be a count n >= 1 \(seeds 0..n-1\) or a range a..b .*, got "0"/, 2],
    [['--seeds', '5..3'], /--seeds must be .*, got "5..3"/, 2],
    [['--budget', '10m'], /--budget must be a whole number of evaluations \(200\) or of simulated seconds \(12000s\).*, got "10m"/, 2],
    [['--threads', 'many'], /--threads must be an integer >= 1, got "many"/, 2],
    [['--optimizers', 'rs,nope'], /unknown optimizer "nope"/, 1],
    [['--optimizers', 're', '--protocols', 'nb201-mo'], /optimizer "re" is single-objective and fits none of the protocols nb201-mo/, 2],
    [['--optimizer-options', '{"re": {"population": -1}}', '--optimizers', 're'], /optimizer "re": option "population"/, 1],
    [['--optimizer-options', '{"tpe": {}}'], /--optimizer-options names "tpe", which is not in --optimizers \(rs, re\)/, 2],
  ])('bad input %j gives one readable line', async (args, message, code) => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const io = memoryIo('', cwd);
    const argv = [...small];
    for (let i = 0; i < args.length; i += 2) {
      const at = argv.indexOf(args[i]!);
      if (at >= 0) argv.splice(at, 2, args[i]!, args[i + 1]!);
      else argv.push(args[i]!, args[i + 1]!);
    }
    expect(await runCli(argv, io)).toBe(code);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.out()).toBe('');
  });

  test('--extend adds seeds and optimizers to a grid: only the new runs run, and the folder equals one grid run at once', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const base = ['compare', '--protocols', 'nb201', '--threads', '1', '--quiet'];
    expect(await runCli([...base, '--optimizers', 'rs', '--seeds', '2', '--out', 'grown'], memoryIo('', cwd))).toBe(0);
    const seeds = memoryIo('', cwd);
    expect(await runCli([...base, '--optimizers', 'rs', '--seeds', '2..3', '--extend', '--out', 'grown'], seeds)).toBe(0);
    expect(seeds.out()).toMatch(/extended the grid to 4 runs .*\(2 new, 0 resumed, 2 already finished\)/);
    const optimizers = memoryIo('', cwd);
    expect(await runCli([...base, '--optimizers', 're', '--seeds', '1', '--extend', '--out', 'grown'], optimizers)).toBe(0);
    expect(optimizers.out()).toMatch(/extended the grid to 8 runs .*\(4 new, 0 resumed, 4 already finished\)/);
    expect(await runCli([...base, '--optimizers', 'rs,re', '--seeds', '4', '--out', 'whole'], memoryIo('', cwd))).toBe(0);
    expect(snapshot(join(cwd, 'grown'))).toEqual(snapshot(join(cwd, 'whole')));
    for (const file of ['analysis.json', 'leaderboard.md'])
      expect(readFileSync(join(cwd, 'grown', file), 'utf8'), file).toBe(readFileSync(join(cwd, 'whole', file), 'utf8'));
    // Nothing new to add: a resume.
    const again = memoryIo('', cwd);
    expect(await runCli([...base, '--optimizers', 'rs', '--seeds', '1', '--extend', '--out', 'grown'], again)).toBe(0);
    expect(again.out()).toMatch(/^resumed 8 runs/);
  });

  test('--extend refuses a grid that cannot join: an optimizer label with other options, or another budget', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const base = ['compare', '--protocols', 'nb201', '--optimizers', 're', '--seeds', '1', '--threads', '1', '--quiet', '--out', 'grid'];
    expect(await runCli(base, memoryIo('', cwd))).toBe(0);
    const before = snapshot(join(cwd, 'grid'));
    for (const extra of [
      ['--optimizer-options', '{"re": {"population": 10}}'],
      ['--budget', '50'],
    ]) {
      const io = memoryIo('', cwd);
      expect(await runCli([...base, ...extra, '--extend'], io), extra.join(' ')).toBe(1);
      expect(io.err()).toMatch(/holds another grid's results .*; it cannot be extended by this grid/);
    }
    expect(snapshot(join(cwd, 'grid'))).toEqual(before);
  });

  test('--budget replaces every protocol budget, and --seeds a..b runs those seeds', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    const io = memoryIo('', cwd);
    expect(
      await runCli(
        ['compare', '--protocols', 'nb201', '--optimizers', 'rs', '--seeds', '5..6', '--budget', '7', '--threads', '1', '--quiet', '--out', 'b'],
        io,
      ),
    ).toBe(0);
    expect([...snapshot(join(cwd, 'b')).keys()].sort()).toEqual(['nb201/rs/seed5.jsonl', 'nb201/rs/seed6.jsonl']);
    const lines = readFileSync(join(cwd, 'b', 'nb201', 'rs', 'seed5.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('"budget":{"evaluations":7}');
    expect(JSON.parse(readFileSync(join(cwd, 'b', 'grid.json'), 'utf8'))).toMatchObject({ seeds: [5, 6], budget: { evaluations: 7 } });
  });

  test("an output folder holding another grid's results is refused and left as it was", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));
    expect(await runCli([...small, '--out', 'grid'], memoryIo('', cwd))).toBe(0);
    const before = snapshot(join(cwd, 'grid'));
    const io = memoryIo('', cwd);
    expect(await runCli([...small.map((a) => (a === 'rs,re' ? 'rs' : a)), '--out', 'grid'], io)).toBe(1);
    expect(io.err()).toMatch(
      /--out .*grid holds another grid's results \(protocols nb201, optimizers rs,re, seeds 0..1\); rerun with exactly those settings to resume it, add --extend/,
    );
    expect(snapshot(join(cwd, 'grid'))).toEqual(before);

    mkdirSync(join(cwd, 'other'));
    writeFileSync(join(cwd, 'other', 'notes.txt'), 'mine');
    const io2 = memoryIo('', cwd);
    expect(await runCli([...small, '--out', 'other'], io2)).toBe(1);
    expect(io2.err()).toMatch(/is not empty and holds no grid.json/);
  });
});
