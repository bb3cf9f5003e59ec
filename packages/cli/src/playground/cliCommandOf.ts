import type { PlaygroundStudySpec } from './playgroundStudy';

/** The `jahskit run` command line that runs the same study and writes the same run file. */
export function cliCommandOf(spec: PlaygroundStudySpec): string {
  const { instance, ...options } = spec.benchmarkOptions;
  const budget = 'evaluations' in spec.budget ? String(spec.budget.evaluations) : `${spec.budget.simulatedSeconds}s`;
  return [
    'jahskit run',
    `--benchmark ${spec.benchmark}`,
    ...(Object.keys(options).length > 0 ? [`--benchmark-options '${JSON.stringify(options).replaceAll("'", "'\\''")}'`] : []),
    ...(typeof instance === 'string' ? [`--instance ${instance}`] : []),
    `--optimizer ${spec.optimizer}`,
    `--seed ${spec.seed}`,
    `--budget ${budget}`,
    ...(spec.workers !== 1 ? [`--workers ${spec.workers}`] : []),
  ].join(' ');
}
