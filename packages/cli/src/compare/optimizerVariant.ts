import { CliError } from '../commandLineError';
import { quoteValue } from '../quoteValue';

/**
 * An entry of `compare --optimizers`: a registered optimizer id (`re`), or a labelled variant of one
 * (`re@pop20`), as syne-tune's baselines name theirs, so that a grid can run one optimizer twice with
 * different options. The label is the run folder's name and the row of every leaderboard; the id is
 * what the registry creates.
 */
export interface OptimizerVariant {
  readonly label: string;
  readonly id: string;
  /** The part after `@`, when the entry names a variant. */
  readonly variant?: string;
}

// '+' joins a base optimizer and its pruning rule in registered ids (`tpe+median`).
const LABEL = /^([A-Za-z0-9][\w+-]*)(?:@([\w.-]+))?$/;

export function parseOptimizerVariant(label: string): OptimizerVariant {
  const match = LABEL.exec(label);
  if (match === null) {
    throw new CliError(
      'usage',
      `--optimizers entry ${quoteValue(label)} is not an optimizer id or id@variant (letters, digits, '_', '-', '+'; '.' too after the @)`,
      {
        parameter: 'optimizers',
        allowed: 'id or id@variant, e.g. re@pop20',
      },
    );
  }
  const [, id, variant] = match as unknown as [string, string, string | undefined];
  return variant === undefined ? { label, id } : { label, id, variant };
}

/** The registered id of a run's optimizer label (`re@pop20` -> `re`). */
export function optimizerIdOf(label: string): string {
  const at = label.indexOf('@');
  return at < 0 ? label : label.slice(0, at);
}
