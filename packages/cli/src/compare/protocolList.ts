import type { Protocol } from './Protocol';

/**
 * `compare --list-protocols`: every protocol with its title, its source (the description, which
 * says where the protocol comes from), its presets and published values, and whether its data is a
 * separate download. `fromFile` names the --protocol-file of protocols that are not shipped.
 */
export function protocolList(protocols: readonly Protocol[], fromFile?: { readonly names: ReadonlySet<string>; readonly file: string }): string {
  const width = Math.max(...protocols.map((p) => p.name.length)) + 2;
  const indent = ' '.repeat(width);
  const lines: string[] = [];
  for (const p of protocols) {
    const origin = fromFile?.names.has(p.name) === true ? ` (from --protocol-file ${fromFile.file})` : '';
    lines.push(`${p.name.padEnd(width)}${p.title}${p.embedded ? '' : ' (data: separate download)'}${origin}`);
    lines.push(`${indent}source: ${p.description || '(none given)'}`);
    if (p.presets !== undefined && p.presets.length > 0)
      lines.push(`${indent}presets: ${p.presets.map((preset) => `${preset.label} ${JSON.stringify(preset.options)}`).join('; ')}`);
    if (p.reference !== undefined) lines.push(`${indent}published values of ${Object.keys(p.reference.values).join(', ')}: ${p.reference.source}`);
  }
  return `${lines.join('\n')}\n`;
}
