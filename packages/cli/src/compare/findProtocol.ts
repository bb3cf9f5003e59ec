import { CliError } from '../commandLineError';
import { BUILTIN_PROTOCOLS } from './builtinProtocols';
import type { Protocol } from './Protocol';

/** The protocol of that name, or a usage error listing the known ones. */
export function findProtocol(name: string, protocols: readonly Protocol[] = BUILTIN_PROTOCOLS): Protocol {
  const protocol = protocols.find((p) => p.name === name);
  if (protocol === undefined) {
    const allowed = protocols.map((p) => p.name).join(', ');
    throw new CliError('usage', `unknown protocol "${name}" in --protocols; protocols: ${allowed}`, { parameter: 'protocols', allowed });
  }
  return protocol;
}
