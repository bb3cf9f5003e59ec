import { mkdirSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { freshDir, type Flags } from '../cliRunFixtures';
import { snapshot } from '../compare/compareFixtures';
import { compareIn } from '../compare/gridFixtures';

const small = { protocols: 'nb201', optimizers: 'rs,re', seeds: 2, threads: 1, quiet: true } as const;

describe('jahskit compare', () => {
  test('writes one results file per run, the analysis and leaderboards', async () => {
    const cwd = freshDir('compare');
    const grid = await compareIn(cwd, { ...small, out: 'grid' });
    expect(grid.code).toBe(0);
    expect([...snapshot(join(cwd, 'grid')).keys()].sort()).toEqual([
      'nb201/re/seed0.jsonl',
      'nb201/re/seed1.jsonl',
      'nb201/rs/seed0.jsonl',
      'nb201/rs/seed1.jsonl',
    ]);
    expect(readdirSync(join(cwd, 'grid')).sort()).toEqual(['analysis.json', 'grid.json', 'leaderboard.csv', 'leaderboard.md', 'nb201']);
    expect(grid.out).toMatch(/ran 4 runs .* \(4 new, 0 resumed, 0 already finished\)/);
    expect(grid.out).toMatch(/\| rs \| black-box \| \d/);
    expect(grid.err).toMatch(/protocol "nb201" asks for at least 10 seeds; running 2/);
    const first = JSON.parse(readFileSync(join(cwd, 'grid', 'nb201', 'rs', 'seed0.jsonl'), 'utf8').split('\n')[0]!);
    expect(first.run).toMatchObject({ task: 'nb201', benchmark: 'nb201/cifar10', optimizer: 'rs', seed: 0, metric: 'regret' });
  });

  test('an interrupted grid resumes: torn last lines discarded, nothing duplicated, same bytes', async () => {
    const cwd = freshDir('compare');
    expect((await compareIn(cwd, { ...small, out: 'whole' })).code).toBe(0);
    expect((await compareIn(cwd, { ...small, out: 'cut' })).code).toBe(0);
    const cut = join(cwd, 'cut', 'nb201');
    // A run killed in the middle of a line, one killed between lines, one that never started.
    truncateSync(join(cut, 'rs', 'seed0.jsonl'), 5000 + 17);
    const lines = readFileSync(join(cut, 're', 'seed1.jsonl'), 'utf8').split('\n');
    writeFileSync(join(cut, 're', 'seed1.jsonl'), `${lines.slice(0, 30).join('\n')}\n`);
    rmSync(join(cut, 'rs', 'seed1.jsonl'));
    const resumed = await compareIn(cwd, { ...small, out: 'cut' });
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(/resumed 4 runs .* \(1 new, 2 resumed, 1 already finished\)/);
    expect(snapshot(join(cwd, 'cut'))).toEqual(snapshot(join(cwd, 'whole')));
  });

  test('the number of threads changes nothing in the results', async () => {
    const cwd = freshDir('compare');
    expect((await compareIn(cwd, { ...small, out: 'one' })).code).toBe(0);
    expect((await compareIn(cwd, { ...small, threads: 2, out: 'two' })).code).toBe(0);
    expect(snapshot(join(cwd, 'two'))).toEqual(snapshot(join(cwd, 'one')));
  });

  test('--benchmarks and --workers, the old names of --protocols and --threads, still work for one release, with a note', async () => {
    const cwd = freshDir('compare');
    const old = await compareIn(cwd, { benchmarks: 'nb201', optimizers: 'rs', seeds: 1, workers: 1, quiet: true, out: 'old' });
    expect(old.code).toBe(0);
    expect(old.err).toContain('note: --benchmarks is deprecated and will be removed in the next release; use --protocols\n');
    expect(old.err).toContain('note: --workers is deprecated and will be removed in the next release; use --threads\n');
    const current = await compareIn(cwd, { protocols: 'nb201', optimizers: 'rs', seeds: 1, threads: 1, quiet: true, out: 'new' });
    expect(current.code).toBe(0);
    expect(current.err).not.toContain('deprecated');
    expect(snapshot(join(cwd, 'old'))).toEqual(snapshot(join(cwd, 'new')));
    const both = await compareIn(cwd, { protocols: 'nb201', benchmarks: 'nb201', out: 'both' });
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--benchmarks is the old name of --protocols: give one of them/);
  });

  test('--list-protocols lists and runs nothing; a grid flag beside it is a usage error naming the flag', async () => {
    const cwd = freshDir('compare');
    const listed = await compareIn(cwd, { 'list-protocols': true });
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('nb201-paper');
    const mixed = await compareIn(cwd, { 'list-protocols': true, optimizers: 'rs' });
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/--list-protocols lists the protocols and runs nothing; it takes only --protocol-file \(got --optimizers\)/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('a labelled variant (re@small) runs an optimizer again with other options, in its own folder and leaderboard row', async () => {
    const cwd = freshDir('compare');
    const options = JSON.stringify({ 're@small': { population: 10, sampleSize: 3 } });
    const grid = await compareIn(cwd, {
      protocols: 'nb201',
      optimizers: 're,re@small',
      'optimizer-options': options,
      seeds: 2,
      threads: 1,
      quiet: true,
      out: 'grid',
    });
    expect(grid.code).toBe(0);
    const files = snapshot(join(cwd, 'grid'));
    expect([...files.keys()].sort()).toEqual(['nb201/re/seed0.jsonl', 'nb201/re/seed1.jsonl', 'nb201/re@small/seed0.jsonl', 'nb201/re@small/seed1.jsonl']);
    expect(files.get('nb201/re@small/seed0.jsonl')).not.toEqual(files.get('nb201/re/seed0.jsonl'));
    expect(readFileSync(join(cwd, 'grid', 'nb201', 're@small', 'seed0.jsonl'), 'utf8')).toContain('"optimizerOptions":{"population":10,"sampleSize":3}');
    expect(readFileSync(join(cwd, 'grid', 'leaderboard.md'), 'utf8')).toMatch(/\| re@small \|/);
  });

  test.each<[Flags, RegExp, number]>([
    [{ optimizers: 're@' }, /--optimizers entry "re@" is not an optimizer id or id@variant/, 2],
    [{ optimizers: 're@small' }, /--optimizers names the variant "re@small", which has no options in --optimizer-options/, 2],
    [{ optimizers: 'nope@x', 'optimizer-options': '{"nope@x": {}}' }, /unknown optimizer "nope"/, 1],
    [{ optimizers: 're@small', 'optimizer-options': '{"re@small": {"population": -1}}' }, /optimizer "re@small": option "population"/, 1],
  ])('a bad variant %j gives one readable line', async (flags, message, code) => {
    const bad = await compareIn(freshDir('compare'), { protocols: 'nb201', seeds: 1, quiet: true, out: 'x', ...flags });
    expect(bad.code).toBe(code);
    expect(bad.err).toMatch(message);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });

  test('a grid of one run works with several threads (issue 13)', async () => {
    const cwd = freshDir('compare');
    const grid = await compareIn(cwd, { protocols: 'nb201', optimizers: 'rs', seeds: 1, threads: 2, quiet: true, out: 'one' });
    expect(grid.code).toBe(0);
    expect(grid.out).toMatch(/ran 1 runs .* \(1 new, 0 resumed, 0 already finished\) with 1 thread\b/);
    expect([...snapshot(join(cwd, 'one')).keys()]).toEqual(['nb201/rs/seed0.jsonl']);
  });

  test('a grid whose runs fail reports their error, and its folder can then be used by an identical or another grid (issue 13)', async () => {
    const cwd = freshDir('compare');
    // No data folder for NAS-HPO-Bench-II in this environment: every run fails on loading it.
    const failing = { protocols: 'nashpobench2', optimizers: 'rs', seeds: 2, threads: 2, quiet: true, out: 'grid' };
    for (const attempt of [1, 2]) {
      const failed = await compareIn(cwd, failing);
      expect(failed.code, `attempt ${attempt}`).toBe(1);
      expect(failed.err).toMatch(/2 of 2 runs failed; the first: .*seed\d\.jsonl: nashpobench2: no data folder is set/);
    }
    const grid = await compareIn(cwd, { ...small, out: 'grid' });
    expect(grid.code).toBe(0);
    expect(grid.out).toMatch(/ran 4 runs .* \(4 new, 0 resumed, 0 already finished\)/);
  });

  // Each row's flags replace the small grid's own, in place, or come after them.
  test.each<[Flags, RegExp, number]>([
    [{ protocols: 'nb999' }, /unknown protocol "nb999" in --protocols; protocols: jahs, jahs-nas, .*nb201/, 2],
    [{ seeds: '0' }, /--seeds must be a count n >= 1 \(seeds 0..n-1\) or a range a..b .*, got "0"/, 2],
    [{ seeds: '5..3' }, /--seeds must be .*, got "5..3"/, 2],
    [{ budget: '10m' }, /--budget must be a whole number of evaluations \(200\) or of simulated seconds \(12000s\).*, got "10m"/, 2],
    [{ threads: 'many' }, /--threads must be an integer >= 1, got "many"/, 2],
    [{ optimizers: 'rs,nope' }, /unknown optimizer "nope"/, 1],
    [{ optimizers: 're', protocols: 'nb201-mo' }, /optimizer "re" is single-objective and fits none of the protocols nb201-mo/, 2],
    [{ 'optimizer-options': '{"re": {"population": -1}}', optimizers: 're' }, /optimizer "re": option "population"/, 1],
    [{ 'optimizer-options': '{"tpe": {}}' }, /--optimizer-options names "tpe", which is not in --optimizers \(rs, re\)/, 2],
  ])('bad input %j gives one readable line', async (flags, message, code) => {
    const bad = await compareIn(freshDir('compare'), { ...small, ...flags });
    expect(bad.code).toBe(code);
    expect(bad.err).toMatch(message);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.out).toBe('');
  });

  test('--extend adds seeds and optimizers to a grid: only the new runs run, and the folder equals one grid run at once', async () => {
    const cwd = freshDir('compare');
    const base = { protocols: 'nb201', threads: 1, quiet: true };
    expect((await compareIn(cwd, { ...base, optimizers: 'rs', seeds: 2, out: 'grown' })).code).toBe(0);
    const seeds = await compareIn(cwd, { ...base, optimizers: 'rs', seeds: '2..3', extend: true, out: 'grown' });
    expect(seeds.code).toBe(0);
    expect(seeds.out).toMatch(/extended the grid to 4 runs .*\(2 new, 0 resumed, 2 already finished\)/);
    const optimizers = await compareIn(cwd, { ...base, optimizers: 're', seeds: 1, extend: true, out: 'grown' });
    expect(optimizers.code).toBe(0);
    expect(optimizers.out).toMatch(/extended the grid to 8 runs .*\(4 new, 0 resumed, 4 already finished\)/);
    expect((await compareIn(cwd, { ...base, optimizers: 'rs,re', seeds: 4, out: 'whole' })).code).toBe(0);
    expect(snapshot(join(cwd, 'grown'))).toEqual(snapshot(join(cwd, 'whole')));
    for (const file of ['analysis.json', 'leaderboard.md'])
      expect(readFileSync(join(cwd, 'grown', file), 'utf8'), file).toBe(readFileSync(join(cwd, 'whole', file), 'utf8'));
    // Nothing new to add: a resume.
    const again = await compareIn(cwd, { ...base, optimizers: 'rs', seeds: 1, extend: true, out: 'grown' });
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^resumed 8 runs/);
  });

  test('--extend refuses a grid that cannot join: an optimizer label with other options, or another budget', async () => {
    const cwd = freshDir('compare');
    const base = { protocols: 'nb201', optimizers: 're', seeds: 1, threads: 1, quiet: true, out: 'grid' };
    expect((await compareIn(cwd, base)).code).toBe(0);
    const before = snapshot(join(cwd, 'grid'));
    for (const extra of [{ 'optimizer-options': '{"re": {"population": 10}}' }, { budget: 50 }]) {
      const refused = await compareIn(cwd, { ...base, ...extra, extend: true });
      expect(refused.code, JSON.stringify(extra)).toBe(1);
      expect(refused.err).toMatch(/holds another grid's results .*; it cannot be extended by this grid/);
    }
    expect(snapshot(join(cwd, 'grid'))).toEqual(before);
  });

  test('--budget replaces every protocol budget, and --seeds a..b runs those seeds', async () => {
    const cwd = freshDir('compare');
    expect((await compareIn(cwd, { protocols: 'nb201', optimizers: 'rs', seeds: '5..6', budget: 7, threads: 1, quiet: true, out: 'b' })).code).toBe(0);
    expect([...snapshot(join(cwd, 'b')).keys()].sort()).toEqual(['nb201/rs/seed5.jsonl', 'nb201/rs/seed6.jsonl']);
    const lines = readFileSync(join(cwd, 'b', 'nb201', 'rs', 'seed5.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('"budget":{"evaluations":7}');
    expect(JSON.parse(readFileSync(join(cwd, 'b', 'grid.json'), 'utf8'))).toMatchObject({ seeds: [5, 6], budget: { evaluations: 7 } });
  });

  test("an output folder holding another grid's results is refused and left as it was", async () => {
    const cwd = freshDir('compare');
    expect((await compareIn(cwd, { ...small, out: 'grid' })).code).toBe(0);
    const before = snapshot(join(cwd, 'grid'));
    const other = await compareIn(cwd, { ...small, optimizers: 'rs', out: 'grid' });
    expect(other.code).toBe(1);
    expect(other.err).toMatch(
      /--out .*grid holds another grid's results \(protocols nb201, optimizers rs,re, seeds 0..1\); rerun with exactly those settings to resume it, add --extend/,
    );
    expect(snapshot(join(cwd, 'grid'))).toEqual(before);

    mkdirSync(join(cwd, 'other'));
    writeFileSync(join(cwd, 'other', 'notes.txt'), 'mine');
    const notGrid = await compareIn(cwd, { ...small, out: 'other' });
    expect(notGrid.code).toBe(1);
    expect(notGrid.err).toMatch(/is not empty and holds no grid.json/);
  });
});
