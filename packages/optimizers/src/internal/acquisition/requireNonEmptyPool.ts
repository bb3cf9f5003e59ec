import { OptimizerError } from '../../errors/OptimizerError';

/** Refuses options whose two pool sizes (`[option name, value]`) add up to an empty acquisition pool, naming the first. */
export function requireNonEmptyPool([first, firstSize]: readonly [string, number], [second, secondSize]: readonly [string, number]): void {
  if (firstSize + secondSize >= 1) return;
  throw new OptimizerError('invalid-option', `${first} + ${second} must be at least 1 (the acquisition pool would be empty)`, {
    parameter: first,
    allowed: `${first} + ${second} >= 1`,
  });
}
