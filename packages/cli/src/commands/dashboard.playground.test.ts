import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';
import { dashboardCommand } from './dashboard';

/** A built site as `npm run build:site` lays it out, reduced to two pages. */
function fakeSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jahskit-site-'));
  mkdirSync(join(dir, 'playground'));
  writeFileSync(join(dir, 'index.html'), '<h1>site</h1>');
  writeFileSync(join(dir, 'playground', 'index.html'), '<h1>playground</h1>');
  return dir;
}

describe('dashboard --playground', () => {
  test('serves the built site under /site/ beside the dashboard', async () => {
    const results = mkdtempSync(join(tmpdir(), 'jahskit-results-'));
    const io = memoryIo('', results);
    const pages: string[] = [];
    const command = dashboardCommand({
      until: async (url) => {
        for (const path of ['site/playground/', 'site/playground', 'api/grid']) {
          const response = await fetch(new URL(path, url.endsWith('/') ? url : `${url}/`));
          pages.push(`${response.status} ${(await response.text()).slice(0, 20)}`);
        }
      },
    });
    expect(await command.run(['.', '--playground', '--site', fakeSite()], io)).toBe(0);
    expect(pages[0]).toBe('200 <h1>playground</h1>');
    expect(pages[1]).toMatch(/^200 <h1>playground/); // the redirect to the folder is followed
    expect(pages[2]).toMatch(/^200 /);
    expect(io.out()).toMatch(/playground at http:\/\/127\.0\.0\.1:\d+\/site\/playground\//);
  });

  test('a folder without a built playground is one input error; --site alone is a usage error', async () => {
    const io = memoryIo('', mkdtempSync(join(tmpdir(), 'jahskit-results-')));
    expect(await runCli(['dashboard', '.', '--playground', '--site', mkdtempSync(join(tmpdir(), 'jahskit-empty-'))], io)).toBe(1);
    expect(io.err()).toMatch(/--playground: the site .* holds no playground\/index\.html; run npm run build:site first, or give its folder with --site/);
    // Without --site: site/ of the current folder, which this one does not have.
    const missing = memoryIo('', mkdtempSync(join(tmpdir(), 'jahskit-results-')));
    expect(await runCli(['dashboard', '.', '--playground'], missing)).toBe(1);
    expect(missing.err()).toMatch(/--playground: the site "?site"? cannot be read .*run npm run build:site first/);
    const stray = memoryIo('', mkdtempSync(join(tmpdir(), 'jahskit-results-')));
    expect(await runCli(['dashboard', '.', '--site', 'x'], stray)).toBe(2);
  });
});
