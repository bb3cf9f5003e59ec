import { hypervolumeContributions } from '@jahskit/multiobjective';
import type { Command } from '../Command';
import { finiteVolume, formatNumber, runPointsCommand } from './readPoints';

const USAGE = `usage: jahskit hvc -r <r1,r2,...> [file]
  Prints the exclusive hypervolume contribution HV(all) - HV(all but the point) of each point read
  from the file or standard input, one per line in input order (minimisation). Dominated and
  duplicated points contribute 0.`;

/** `jahskit hvc`: exclusive hypervolume contribution of every point. */
export const hvcCommand: Command = {
  name: 'hvc',
  summary: 'exclusive hypervolume contribution of each point (minimisation)',
  usage: USAGE,
  run: (argv, io) =>
    runPointsCommand(
      {
        name: 'hvc',
        usage: USAGE,
        needsReference: true,
        compute: ({ points, n, d, reference }) => {
          if (n === 0) return '';
          const c = hypervolumeContributions(points, d, reference!);
          let out = '';
          for (let i = 0; i < n; i++) out += `${formatNumber(finiteVolume(c[i]!, `the contribution of point ${i + 1}`))}\n`;
          return out;
        },
      },
      argv,
      io,
    ),
};
