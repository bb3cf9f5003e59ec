import { CliError } from './commandLineError';
import { quoteValue } from './quoteValue';

/** The action word (`jahskit <command> <action> ...`) if it is one of `actions`; otherwise a usage error naming them. */
export function actionOf<Action extends string>(command: string, actions: readonly Action[], action: string | undefined): Action {
  if (action !== undefined && (actions as readonly string[]).includes(action)) return action as Action;
  throw new CliError('usage', `jahskit ${command} needs one of ${actions.join(', ')}, got ${action === undefined ? 'nothing' : quoteValue(action)}`, {
    parameter: 'action',
    allowed: actions.join(', '),
  });
}
