import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under dir (relative path -> bytes), timing files aside. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = join(sub, name);
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.jsonl') && !name.endsWith('.timing.jsonl')) files.set(rel, readFileSync(join(dir, rel)));
    }
  };
  walk('');
  return files;
}
