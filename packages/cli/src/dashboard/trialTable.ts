import { isFullFidelity } from '../analysis/isFullFidelity';
import { axisValue } from '../analysis/runTrajectory';
import type { LiveRun } from './LiveRun';

export type TrialValue = string | number | boolean | null;

/** One column of the per-trial table; `group` says where its values come from. */
export interface TrialColumn {
  readonly name: string;
  readonly group: 'trial' | 'objective' | 'metric' | 'config' | 'fidelity';
  readonly numeric: boolean;
}

/** Every trial of some runs as flat rows, one column per objective, metric, parameter and fidelity. */
export interface TrialTable {
  readonly columns: readonly TrialColumn[];
  readonly rows: readonly Readonly<Record<string, TrialValue>>[];
}

/** Columns every row has, before the run's own names. */
const TRIAL_COLUMNS: readonly TrialColumn[] = [
  { name: 'optimizer', group: 'trial', numeric: false },
  { name: 'seed', group: 'trial', numeric: true },
  { name: 'trial', group: 'trial', numeric: true },
  { name: 'status', group: 'trial', numeric: false },
  { name: 'full fidelity', group: 'trial', numeric: false },
  { name: 'x', group: 'trial', numeric: true },
  { name: 'cost', group: 'trial', numeric: true },
];

/**
 * The trials of `runs` (records in file order, runs in the given order) as one table. `x` is where a
 * trial finished on the task's trajectory axis. Names are kept readable; one that another column
 * already has gets its group as a prefix ("config cost"), and fidelities always carry theirs, since
 * a multi-fidelity space often names a fidelity like a parameter.
 */
export function trialTable(runs: readonly LiveRun[]): TrialTable {
  const columns: TrialColumn[] = [...TRIAL_COLUMNS];
  const nameOf = new Map<string, string>();
  const add = (group: TrialColumn['group'], key: string): string => {
    const id = `${group}\u0000${key}`;
    const known = nameOf.get(id);
    if (known !== undefined) return known;
    const plain = group === 'fidelity' ? `fidelity ${key}` : key;
    const name = columns.some((c) => c.name === plain) ? `${group} ${key}` : plain;
    columns.push({ name, group, numeric: true });
    nameOf.set(id, name);
    return name;
  };
  const rows: Record<string, TrialValue>[] = [];
  for (const { header, records } of runs) {
    records.forEach((record, i) => {
      const row: Record<string, TrialValue> = {
        optimizer: header.optimizer,
        seed: header.seed,
        trial: record.trial,
        status: record.status,
        'full fidelity': isFullFidelity(record.fidelity, header.fullFidelity),
        x: axisValue(header, i, record.end ?? 0),
        cost: record.cost,
      };
      for (const [key, value] of Object.entries(record.objectives ?? {})) row[add('objective', key)] = value;
      for (const [key, value] of Object.entries(record.metrics ?? {})) row[add('metric', key)] = value;
      for (const [key, value] of Object.entries(record.config ?? {})) row[add('config', key)] = cell(value);
      for (const [key, value] of Object.entries(record.fidelity ?? {})) row[add('fidelity', key)] = cell(value);
      rows.push(row);
    });
  }
  // A column is numeric when every value it has is a number (categorical parameters are not).
  const typed = columns.map((c) => (c.group === 'trial' ? c : { ...c, numeric: rows.every((r) => r[c.name] === undefined || typeof r[c.name] === 'number') }));
  return { columns: typed, rows };
}

function cell(value: unknown): TrialValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
