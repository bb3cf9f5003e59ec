import { CoreError, loadExpressionCompiler, withDerivedObjectives, type Benchmark, type Constraint } from '@jahskit/core';
import { CliError } from '../commandLineError';

/** The expressions of a task: derived objectives replacing the benchmark's, and constraints. */
export interface TaskExpressions {
  readonly objectives?: readonly string[];
  readonly constraints?: readonly string[];
}

/** How a bad expression is reported: which kind of error and which name the message gives it. */
export interface ExpressionErrors {
  readonly kind: 'usage' | 'input';
  /** E.g. "--objective", or 'protocol "nb201-latency": objective'. */
  readonly objective: string;
  readonly constraint: string;
}

/** The benchmark as a task with these expressions: derived objectives applied, constraints compiled. */
export interface CompiledTask {
  readonly benchmark: Benchmark;
  readonly constraints: readonly Constraint[];
}

/**
 * Compiles a task's derived objectives and constraints against the names its benchmark reports
 * (constraints may read the derived objectives too). mathjs is loaded only when there is an
 * expression. A bad expression is a CliError of one line that names it and, for an unknown name,
 * lists the known ones.
 */
export async function compileTask(benchmark: Benchmark, expressions: TaskExpressions, errors: ExpressionErrors): Promise<CompiledTask> {
  const objectives = expressions.objectives ?? [];
  const constraints = expressions.constraints ?? [];
  if (objectives.length === 0 && constraints.length === 0) return { benchmark, constraints: [] };
  const compiler = await loadExpressionCompiler();
  try {
    const reported = [...benchmark.objectives.map((o) => o.name), ...benchmark.metrics];
    const task =
      objectives.length === 0
        ? benchmark
        : withDerivedObjectives(
            benchmark,
            objectives.map((text) => compiler.objective(text, reported, errors.objective)),
          );
    const known = [...task.objectives.map((o) => o.name), ...task.metrics];
    return { benchmark: task, constraints: constraints.map((text) => compiler.constraint(text, known, errors.constraint)) };
  } catch (error) {
    if (!CoreError.is(error) || error.kind !== 'invalid-argument') throw error;
    const message =
      error.message.startsWith(errors.objective) || error.message.startsWith(errors.constraint)
        ? error.message
        : `${errors.objective} ${error.message.replace(/^objective /, '')}`;
    throw new CliError(errors.kind, message, {
      parameter: error.parameter ?? errors.objective,
      ...(error.allowed !== undefined ? { allowed: error.allowed } : {}),
      cause: error,
    });
  }
}

/** The error names of a protocol's own expressions (data: an input error naming the protocol). */
export function protocolExpressionErrors(protocol: string): ExpressionErrors {
  return { kind: 'input', objective: `protocol "${protocol}": objective`, constraint: `protocol "${protocol}": constraint` };
}
