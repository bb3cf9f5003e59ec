import { Rng } from '@jahskit/core';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { defineCommand } from '../defineCommand';
import { MAX_SEED, parseIntegerOption } from '../parseIntegerOption';
import { quoteValue } from '../quoteValue';
import { describeSpace, formatSpaceDescription } from '../space/describeSpace';
import { readSpaceFile } from '../space/readSpaceFile';
import { outputFormat, SPACE_FILE_FORMATS, spaceText, writeSpaceFile } from '../space/writeSpaceFile';

const USAGE = `usage: jahskit space <convert|show|sample> FILE [options]
  The input's format is told from its content: ConfigSpace JSON (0.2-0.4 or 1.x) or PCS (classic or new).
  convert IN OUT [--format ${SPACE_FILE_FORMATS.join('|')}] [--force]
          default format from OUT's name: *.json -> ConfigSpace JSON of the version read, *.pcs -> new PCS;
          an existing OUT is replaced only with --force
  show    FILE [--json]                 parameters (type, range or choices, default, log, prior), conditions,
                                        forbidden clauses and the number of configurations
  sample  FILE [-n 5] [--seed 0] [--json]
                                        configurations drawn from the space (its priors included), one JSON
                                        line each (--json: one JSON array); the same seed gives the same lines`;

const ACTIONS = ['convert', 'show', 'sample'] as const;

const FLAGS = {
  format: { type: 'string' },
  force: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  n: { type: 'string', short: 'n', default: '5' },
  seed: { type: 'string', default: '0' },
} as const;

/** Most configurations one `space sample` prints. */
const MAX_SAMPLES = 100_000;

/** `jahskit space`: read, convert, describe and sample search-space files. */
export const spaceCommand: Command = defineCommand(
  {
    name: 'space',
    summary: 'convert, show and sample search spaces (ConfigSpace JSON 0.4 / 1.x, PCS)',
    usage: USAGE,
    flags: FLAGS,
    actions: ACTIONS,
    positionals: true,
  },
  async ({ action, values, positionals, argv: rest }, io) => {
    const expected = action === 'convert' ? ['IN', 'OUT'] : ['FILE'];
    if (positionals.length !== expected.length) {
      throw new CliError(
        'usage',
        `jahskit space ${action} takes ${expected.join(' ')}, got ${positionals.length === 0 ? 'nothing' : positionals.map((p) => quoteValue(p)).join(' ')}`,
        { parameter: 'arguments', allowed: expected.join(' ') },
      );
    }
    const given = (flag: string, allowedIn: string): void => {
      if (rest.some((a) => a === `--${flag}` || a.startsWith(`--${flag}=`) || (flag === 'n' && /^-n/.test(a)))) {
        throw new CliError('usage', `${flag.length === 1 ? '-' : '--'}${flag} belongs to jahskit space ${allowedIn}, not ${action}`, {
          parameter: flag,
          allowed: allowedIn,
        });
      }
    };
    const belongs: Record<string, string> = { format: 'convert', force: 'convert', n: 'sample', seed: 'sample', json: 'show, sample' };
    for (const [flag, actions] of Object.entries(belongs)) if (!actions.split(', ').includes(action)) given(flag, actions);

    const [file, out] = positionals as [string, string | undefined];
    if (action === 'convert') {
      // The format is checked before anything is read: a bad --format is a usage error whatever IN holds.
      if (values.format !== undefined) outputFormat(values.format, out as string, 'configspace-json@0.4');
      const read = await readSpaceFile(file, io.cwd, 'IN');
      const format = outputFormat(values.format, out as string, read.format);
      await writeSpaceFile(out as string, io.cwd, spaceText(read.space, format, out as string), values.force === true);
      io.stderr(`wrote ${out as string} (${format}) from ${file} (${read.format})\n`);
      return 0;
    }
    if (action === 'show') {
      const read = await readSpaceFile(file, io.cwd, 'FILE');
      const description = describeSpace(read.space, file, read.format);
      io.stdout(values.json === true ? `${JSON.stringify(description)}\n` : formatSpaceDescription(description));
      return 0;
    }
    const n = parseIntegerOption(values.n ?? '5', 'n', 1, MAX_SAMPLES);
    const seed = parseIntegerOption(values.seed ?? '0', 'seed', 0, MAX_SEED);
    const { space } = await readSpaceFile(file, io.cwd, 'FILE');
    const root = Rng.seeded(seed);
    // Draw i has its own stream: the first k lines do not depend on -n.
    const configs = Array.from({ length: n }, (_, i) => space.sample(root.stream('sample', i)));
    io.stdout(values.json === true ? `${JSON.stringify(configs)}\n` : configs.map((c) => `${JSON.stringify(c)}\n`).join(''));
    return 0;
  },
);
