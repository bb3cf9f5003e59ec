import { nonDominatedSort } from '@jahskit/multiobjective';
import type { Command } from '../Command';
import { moocoreInputHelp } from './moocoreInputHelp';
import { pointsCommand } from './readPoints';

const USAGE = `usage: jahskit nds [options] [file...]
  Prints the Pareto front rank (1 = non-dominated, minimisation unless told otherwise) of each
  point read from the files or standard input, one per line in input order; each set is ranked on
  its own and the sets' ranks are separated by a blank line. Identical points share a rank.
${moocoreInputHelp(false)}`;

/** `jahskit nds`: non-dominated sorting, in the spirit of moocore's nondominated. */
export const ndsCommand: Command = pointsCommand({
  name: 'nds',
  summary: 'non-dominated sorting: the front rank (1 = best) of each point',
  usage: USAGE,
  needsReference: false,
  compute: ({ sets, d }) => {
    // Ranks from 1 (the non-dominated front), as printed.
    const ranks = sets.map((set) => Array.from(nonDominatedSort(set.points, d).subarray(0, set.n), (r) => r + 1));
    return { json: { ranks }, text: ranks.map((r) => r.map((v) => `${v}\n`).join('')).join('\n') };
  },
});
