import { hypervolume, hypervolumeContributions } from '@jahskit/multiobjective';
import type { Command } from '../Command';
import { moocoreInputHelp } from './moocoreInputHelp';
import { finiteVolume, formatNumber, runPointsCommand } from './readPoints';

const USAGE = `usage: jahskit hv -r <r1,r2,...> [options] [file...]
  Prints the hypervolume of each point set read from the files or standard input, one value per
  line (minimisation unless told otherwise). Points that do not strictly dominate the reference
  point contribute nothing; a set without points has hypervolume 0.
  -c, --contributions  print the exclusive contribution of each point instead, each set's values
                       followed by a blank line (as moocore's hv -c; see also jahskit hvc)
${moocoreInputHelp(true)}`;

/** `jahskit hv`: exact hypervolume of each point set, with moocore's hv command line. */
export const hvCommand: Command = {
  name: 'hv',
  summary: 'hypervolume of a set of points (minimisation) with respect to a reference point',
  usage: USAGE,
  run: (argv, io) =>
    runPointsCommand(
      {
        name: 'hv',
        usage: USAGE,
        needsReference: true,
        flags: { contributions: { short: 'c' } },
        compute: ({ sets, d, reference, flags }) => {
          const ref = reference!;
          if (flags['contributions'] === true) {
            let out = '';
            sets.forEach((set, k) => {
              const c = hypervolumeContributions(set.points, d, ref);
              const of = sets.length === 1 ? '' : ` of set ${k + 1}`;
              for (let i = 0; i < set.n; i++) out += `${formatNumber(finiteVolume(c[i]!, `the contribution of point ${i + 1}${of}`))}\n`;
              out += '\n';
            });
            return out;
          }
          // No points at all is one empty set: its hypervolume, 0, is printed as before sets existed.
          if (sets.length === 0) return '0\n';
          return sets.map((set) => `${formatNumber(finiteVolume(hypervolume(set.points, d, ref)))}\n`).join('');
        },
      },
      argv,
      io,
    ),
};
