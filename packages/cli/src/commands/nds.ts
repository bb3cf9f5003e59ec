import { nonDominatedSort } from '@jahskit/multiobjective';
import type { Command } from '../Command';
import { runPointsCommand } from './readPoints';

const USAGE = `usage: jahskit nds [file]
  Prints the Pareto front rank (1 = non-dominated, minimisation) of each point read from the file
  or standard input, one per line in input order. Identical points share a rank.`;

/** `jahskit nds`: non-dominated sorting, in the spirit of moocore's nondominated. */
export const ndsCommand: Command = {
  name: 'nds',
  summary: 'non-dominated sorting: the front rank (1 = best) of each point',
  usage: USAGE,
  run: (argv, io) =>
    runPointsCommand(
      {
        name: 'nds',
        usage: USAGE,
        needsReference: false,
        compute: ({ points, n, d }) => {
          if (n === 0) return '';
          const ranks = nonDominatedSort(points, d);
          let out = '';
          for (let i = 0; i < n; i++) out += `${ranks[i]! + 1}\n`;
          return out;
        },
      },
      argv,
      io,
    ),
};
