import { cliIn, flagArgs, type CliOutcome, type CliRunOptions, type Flags } from '../cliRunFixtures';

/** `jahskit compare` with these flags, run in-process in cwd. */
export function compareIn(cwd: string, flags: Flags, options?: CliRunOptions): Promise<CliOutcome> {
  return cliIn(cwd, ['compare', ...flagArgs(flags)], options);
}

/** A protocol of the user's own (an entry of a protocol file) on NAS-Bench-201 CIFAR-10, counted in evaluations; `more` adds or replaces fields. */
export function cifar10Protocol(name: string, title: string, evaluations: number, more: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return { name, title, benchmark: 'nb201', benchmarkOptions: { instance: 'cifar10' }, budget: { evaluations }, metric: 'best', axis: 'evaluations', ...more };
}
