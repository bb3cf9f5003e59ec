import { hypervolume, hypervolumeContributions } from '@jahskit/multiobjective';
import type { Command } from '../Command';
import { moocoreInputHelp } from './moocoreInputHelp';
import { finiteVolume, formatNumber, pointsCommand } from './readPoints';

const USAGE = `usage: jahskit hv -r <r1,r2,...> [options] [file...]
  Prints the hypervolume of each point set read from the files or standard input, one value per
  line (minimisation unless told otherwise). Points that do not strictly dominate the reference
  point contribute nothing; a set without points has hypervolume 0.
  -c, --contributions  print the exclusive contribution of each point instead, each set's values
                       followed by a blank line (as moocore's hv -c; see also jahskit hvc)
${moocoreInputHelp(true)}`;

const FLAGS = { contributions: { short: 'c' } } as const;

/** `jahskit hv`: exact hypervolume of each point set, with moocore's hv command line. */
export const hvCommand: Command = pointsCommand({
  name: 'hv',
  summary: 'hypervolume of a set of points (minimisation) with respect to a reference point',
  usage: USAGE,
  needsReference: true,
  flags: FLAGS,
  compute: ({ sets, d, reference, flags }) => {
    const ref = reference!;
    if (flags['contributions'] === true) {
      const contributions = sets.map((set, k) => {
        const c = hypervolumeContributions(set.points, d, ref);
        const of = sets.length === 1 ? '' : ` of set ${k + 1}`;
        return Array.from({ length: set.n }, (_, i) => finiteVolume(c[i]!, `the contribution of point ${i + 1}${of}`));
      });
      return { json: { contributions }, text: contributions.map((c) => `${c.map((v) => `${formatNumber(v)}\n`).join('')}\n`).join('') };
    }
    // No points at all is one empty set: its hypervolume, 0, is printed as before sets existed.
    const hypervolumes = sets.length === 0 ? [0] : sets.map((set) => finiteVolume(hypervolume(set.points, d, ref)));
    return { json: { hypervolume: hypervolumes }, text: hypervolumes.map((v) => `${formatNumber(v)}\n`).join('') };
  },
});
