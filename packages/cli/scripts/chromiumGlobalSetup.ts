// Vitest global setup: gives the browser tests a Chromium, as the environment variable CHROME_PATH
// (which the test processes inherit; playwright-core launches it).
//
// Only when a selected test file needs one (it mentions chromiumPath or playwright-core): most runs
// select a few files. Where none is found (see findChromium) it installs Debian's `chromium` when
// running as root, and otherwise fails the run with one line saying how to get one. No test skips.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../src/browser/findChromium';

const NEEDS_CHROMIUM = /chromiumPath|playwright-core/;

export default async function setup(project: TestProject): Promise<void> {
  if (!(await selectsBrowserTests(project))) return;
  let path = findChromium();
  if (path === undefined) {
    if (process.platform !== 'linux' || process.getuid?.() !== 0 || !hasAptGet()) {
      throw new Error(
        'no Chromium for the browser tests: install one (Debian: sudo apt-get install chromium; elsewhere: npx playwright-core install chromium) or set CHROME_PATH to its binary',
      );
    }
    process.stderr.write("browser tests: no Chromium found, installing Debian's chromium (apt-get install chromium)\n");
    const apt = { stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    try {
      execFileSync('apt-get', ['update'], apt);
      // Waits for another apt or dpkg run to finish rather than failing on its lock.
      execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', 'chromium'], apt);
    } catch (error) {
      throw new Error(
        `could not install Debian's chromium for the browser tests (${(error as Error).message.split('\n')[0]}); install it yourself or set CHROME_PATH`,
        { cause: error },
      );
    }
    path = findChromium();
    if (path === undefined) throw new Error("Debian's chromium was installed but no chromium binary was found; set CHROME_PATH");
  }
  process.env['CHROME_PATH'] = path;
}

function hasAptGet(): boolean {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether any test file of this run drives a browser. */
async function selectsBrowserTests(project: TestProject): Promise<boolean> {
  // As in postgresGlobalSetup.ts: the run's file filters are not public API; without them every file
  // is considered, which at worst looks for a browser that is not needed.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const specifications = await project.vitest.globTestSpecifications(filters);
  return specifications.some(({ moduleId }) => NEEDS_CHROMIUM.test(readFileSync(moduleId, 'utf8')));
}
