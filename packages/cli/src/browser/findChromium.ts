import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What the search looks at; the defaults are the real environment. */
export interface ChromiumSearch {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly exists?: (path: string) => boolean;
  readonly list?: (dir: string) => readonly string[];
  readonly home?: string;
}

/** Where Debian and other distributions put their Chromium or Chrome. */
const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * A Chromium for the browser tests: `CHROME_PATH` when set (an error when it names no file, rather
 * than quietly using another browser), else the system's, else one that playwright downloaded into
 * its cache (`PLAYWRIGHT_BROWSERS_PATH` or ~/.cache/ms-playwright), newest first. Undefined when
 * there is none.
 */
export function findChromium(search: ChromiumSearch = {}): string | undefined {
  const env = search.env ?? process.env;
  const exists = search.exists ?? existsSync;
  const list = search.list ?? ((dir: string) => (existsSync(dir) ? readdirSync(dir) : []));
  const given = env['CHROME_PATH'];
  if (given !== undefined && given !== '') {
    if (!exists(given)) throw new Error(`CHROME_PATH is ${given}, which does not exist: point it at a Chrome or Chromium binary, or unset it`);
    return given;
  }
  const system = SYSTEM_BROWSERS.find(exists);
  if (system !== undefined) return system;
  const cache = env['PLAYWRIGHT_BROWSERS_PATH'] || join(search.home ?? homedir(), '.cache', 'ms-playwright');
  const builds = list(cache)
    .filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
    .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  for (const build of builds) {
    for (const binary of [
      'chrome-linux/chrome',
      'chrome-linux64/chrome',
      'chrome-linux/headless_shell',
      'chrome-headless-shell-linux64/chrome-headless-shell',
    ]) {
      const path = join(cache, build, binary);
      if (exists(path)) return path;
    }
  }
  return undefined;
}
