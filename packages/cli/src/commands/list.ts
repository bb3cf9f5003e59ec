import { describeOptions, type PluginRegistry } from '@jahskit/core';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { defineCommand } from '../defineCommand';
import { quoteValue } from '../quoteValue';

const FLAGS = { json: { type: 'boolean' } } as const;

/** `jahskit list`: every loaded plugin with its summary, capabilities and options. */
export function listCommand(registry: () => PluginRegistry): Command {
  return defineCommand(
    {
      name: 'list',
      summary: 'list benchmarks, optimizers and spaces with their options',
      usage: 'usage: jahskit list [benchmarks|optimizers|spaces] [--json]',
      flags: FLAGS,
      words: ['benchmarks', 'optimizers', 'spaces'],
      positionals: true,
    },
    async ({ values, positionals }, io) => {
      const only = positionals[0];
      const categories = [
        { key: 'benchmark', title: 'Benchmarks' },
        { key: 'optimizer', title: 'Optimizers' },
        { key: 'space', title: 'Spaces' },
      ] as const;
      const chosen = only === undefined ? categories : categories.filter((c) => `${c.key}s` === only || c.key === only);
      if (chosen.length === 0 || positionals.length > 1) {
        throw new CliError('usage', `unknown category ${quoteValue(positionals.join(' '))}; categories: benchmarks, optimizers, spaces`, {
          parameter: 'category',
          allowed: 'benchmarks, optimizers, spaces',
        });
      }
      const reg = registry();
      const entries = chosen.map(({ key, title }) => ({
        title,
        plugins: reg.list(key as 'benchmark').map((d) => {
          const extra = d as { capabilities?: Record<string, unknown>; instances?: readonly string[]; needsData?: boolean };
          return {
            id: d.id,
            summary: d.summary,
            ...(extra.capabilities !== undefined ? { capabilities: extra.capabilities } : {}),
            ...(extra.instances !== undefined ? { instances: extra.instances } : {}),
            ...(extra.needsData ? { needsData: true } : {}),
            options: describeOptions(d.options),
          };
        }),
      }));
      if (values.json) {
        io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
        return 0;
      }
      const lines: string[] = [];
      for (const { title, plugins } of entries) {
        lines.push(`${title} (${plugins.length})`);
        for (const plugin of plugins) {
          const tags: string[] = [];
          const caps = plugin.capabilities as { objectives?: string; multiFidelity?: boolean; asynchronous?: boolean } | undefined;
          if (caps !== undefined) {
            tags.push(caps.objectives === 'any' ? 'single+multi-objective' : `${caps.objectives}-objective`);
            if (caps.multiFidelity) tags.push('multi-fidelity');
            if (caps.asynchronous) tags.push('asynchronous');
          }
          if (plugin.instances !== undefined) tags.push(`instances: ${plugin.instances.join(', ')}`);
          if (plugin.needsData) tags.push('needs data (see `jahskit data check`)');
          lines.push(`  ${plugin.id.padEnd(16)} ${plugin.summary}${tags.length > 0 ? `  [${tags.join('; ')}]` : ''}`);
          for (const option of plugin.options) {
            const fallback = option.default === undefined ? '' : ` = ${JSON.stringify(option.default)}`;
            const about = option.description === undefined ? '' : `  ${option.description}`;
            lines.push(`      --${option.name}: ${option.type}${fallback}${about}`);
          }
        }
        lines.push('');
      }
      io.stdout(`${lines.join('\n')}`);
      return 0;
    },
  );
}
