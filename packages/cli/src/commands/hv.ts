import { hypervolume } from '@jahskit/multiobjective';
import type { Command } from '../Command';
import { finiteVolume, formatNumber, runPointsCommand } from './readPoints';

const USAGE = `usage: jahskit hv -r <r1,r2,...> [file]
  Prints the hypervolume (minimisation) of the points read from the file or standard input:
  whitespace-separated numbers, one point per line; blank lines and lines starting with # are
  ignored. Points that do not strictly dominate the reference point contribute nothing.`;

/** `jahskit hv`: exact hypervolume of a point set, in the spirit of moocore's hv. */
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
        compute: ({ points, n, d, reference }) => {
          const ref = reference!;
          return `${formatNumber(n === 0 ? 0 : finiteVolume(hypervolume(points, d, ref)))}\n`;
        },
      },
      argv,
      io,
    ),
};
