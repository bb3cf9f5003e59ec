import { existsSync } from 'node:fs';
import type { DataStatus, PluginRegistry } from '@jahskit/core';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { defineCommand } from '../defineCommand';
import { parseJsonOption } from '../parseJsonOption';
import { quoteValue } from '../quoteValue';

const FLAGS = { benchmark: { type: 'string' }, 'benchmark-options': { type: 'string' } } as const;

/** `jahskit data check`: whether each benchmark's data is present and intact. */
export function dataCommand(registry: () => PluginRegistry): Command {
  return defineCommand(
    {
      name: 'data',
      summary: "check that each benchmark's data is present and intact (SHA-256)",
      usage: 'usage: jahskit data check [--benchmark <id>] [--benchmark-options <json>]',
      flags: FLAGS,
      words: ['check'],
      positionals: true,
    },
    async ({ values, positionals }, io) => {
      if (positionals[0] !== 'check' || positionals.length > 1) {
        const got = positionals.length === 0 ? 'none' : quoteValue(positionals.join(' '));
        throw new CliError('usage', `the only sub-command is "check": jahskit data check [--benchmark <id>]; got ${got}`, {
          parameter: 'sub-command',
          allowed: 'check',
        });
      }
      const reg = registry();
      const descriptors = values.benchmark === undefined ? reg.list('benchmark') : [reg.get('benchmark', values.benchmark)];
      const options = parseJsonOption(values['benchmark-options'], '--benchmark-options');
      let missing = 0;
      for (const descriptor of descriptors) {
        if (descriptor.checkData === undefined) {
          io.stdout(`${descriptor.id.padEnd(16)} ok       no data files (computed)\n`);
          continue;
        }
        const status = await descriptor.checkData(options, { env: io.env });
        if (!status.ready) missing++;
        io.stdout(`${descriptor.id.padEnd(16)} ${statusWord(status).padEnd(8)} ${status.detail}\n`);
        for (const file of status.files ?? []) io.stdout(`${''.padEnd(16)}   ${file.ok ? 'ok ' : 'BAD'} ${file.path}  ${file.detail}\n`);
      }
      // Missing optional data is reported, not an error, unless the user asked about that benchmark.
      return values.benchmark !== undefined && missing > 0 ? 1 : 0;
    },
  );
}

/**
 * MISSING when the data is not there (no folder given, a file absent), INVALID when everything is
 * there but something is wrong with it (a bad manifest, a checksum, a model onnxruntime refuses):
 * the two call for different fixes, downloading versus replacing.
 */
function statusWord(status: DataStatus): string {
  if (status.ready) return 'ok';
  const failed = (status.files ?? []).filter((f) => !f.ok);
  return failed.length > 0 && failed.every((f) => existsSync(f.path)) ? 'INVALID' : 'MISSING';
}
