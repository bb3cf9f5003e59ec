import type { JsonValue } from '@jahskit/core';
import { CliError } from '../commandLineError';
import type { OptimizerPreset, Protocol } from './Protocol';

/** Every preset of the protocols, by label. */
export function protocolPresets(protocols: readonly Protocol[]): Map<string, OptimizerPreset> {
  const presets = new Map<string, OptimizerPreset>();
  for (const protocol of protocols) for (const preset of protocol.presets ?? []) presets.set(preset.label, preset);
  return presets;
}

/**
 * `--optimizer-options` with the options of every preset named in `--optimizers` (`re@nb201-paper`)
 * filled in. A preset's options are its source's settings: options given for a preset label would
 * run something else under the source's name (and beside its published values), so they are refused.
 */
export function presetOptions(
  labels: readonly string[],
  given: Readonly<Record<string, JsonValue>>,
  protocols: readonly Protocol[],
): Record<string, JsonValue> {
  const presets = protocolPresets(protocols);
  const options: Record<string, JsonValue> = { ...given };
  for (const label of labels) {
    const preset = presets.get(label);
    if (preset === undefined) continue;
    if (given[label] !== undefined) {
      throw new CliError(
        'usage',
        `--optimizer-options sets "${label}", a preset (${JSON.stringify(preset.options)}, from ${preset.source}); give your variant another name, e.g. "${label}-mine"`,
        {
          parameter: 'optimizer-options',
          allowed: 'options for labels that are no preset',
        },
      );
    }
    options[label] = { ...preset.options };
  }
  return options;
}
