import { spawnSync } from 'node:child_process';

/** Debian's python3-optuna, not whatever python3 comes first on PATH. */
export const OPTUNA_PYTHON = '/usr/bin/python3';

/** What every script gets first: json, sys, warnings and optuna imported, and `Backend`, the journal file backend of whichever Optuna is installed. */
const PREAMBLE = `import json, sys, warnings
import optuna
optuna.logging.set_verbosity(optuna.logging.WARNING)
try:
    from optuna.storages.journal import JournalFileBackend as Backend
except ImportError:
    Backend = optuna.storages.JournalFileStorage
`;

/**
 * Runs a Python script against Debian's Optuna, for the tests that check jahskit's journals with
 * Optuna itself: its stdout, or `missing`, which says how to install Optuna (`.ci/run` and `npm test`
 * as root install it). A script that fails is an Error naming `what` with the script's stderr.
 */
export function runOptunaScript(script: string, args: readonly string[], what: string): { readonly stdout: string } | { readonly missing: string } {
  const run = spawnSync(OPTUNA_PYTHON, ['-c', PREAMBLE + script, ...args], { encoding: 'utf8' });
  if (run.error !== undefined || /No module named .?optuna/.test(run.stderr)) {
    return {
      missing: `${OPTUNA_PYTHON} with optuna is not installed: npm test installs it as root (apt-get install -y python3-optuna); otherwise install it by hand`,
    };
  }
  if (run.status !== 0) throw new Error(`Optuna could not ${what}:\n${run.stderr}`);
  return { stdout: run.stdout };
}
