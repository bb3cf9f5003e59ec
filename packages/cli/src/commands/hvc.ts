import { hypervolumeContributions } from '@jahskit/multiobjective';
import type { Command } from '../Command';
import { moocoreInputHelp } from './moocoreInputHelp';
import { finiteVolume, formatNumber, pointsCommand } from './readPoints';

const USAGE = `usage: jahskit hvc -r <r1,r2,...> [options] [file...]
  Prints the exclusive hypervolume contribution HV(all) - HV(all but the point) of each point read
  from the files or standard input, one per line in input order (minimisation unless told
  otherwise); the sets' values are separated by a blank line. Dominated and duplicated points
  contribute 0.
${moocoreInputHelp(true)}`;

/** `jahskit hvc`: exclusive hypervolume contribution of every point. */
export const hvcCommand: Command = pointsCommand({
  name: 'hvc',
  summary: 'exclusive hypervolume contribution of each point (minimisation)',
  usage: USAGE,
  needsReference: true,
  compute: ({ sets, d, reference }) => {
    const contributions = sets.map((set, k) => {
      const c = hypervolumeContributions(set.points, d, reference!);
      return Array.from({ length: set.n }, (_, i) =>
        finiteVolume(c[i]!, sets.length === 1 ? `the contribution of point ${i + 1}` : `the contribution of point ${i + 1} of set ${k + 1}`),
      );
    });
    return { json: { contributions }, text: contributions.map((c) => c.map((v) => `${formatNumber(v)}\n`).join('')).join('\n') };
  },
});
