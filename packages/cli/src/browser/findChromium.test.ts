import { describe, expect, test } from 'vitest';
import { findChromium } from './findChromium';

const only =
  (...files: string[]) =>
  (path: string) =>
    files.includes(path);

describe('findChromium', () => {
  test('CHROME_PATH comes first', () => {
    expect(findChromium({ env: { CHROME_PATH: '/opt/chrome' }, exists: only('/opt/chrome', '/usr/bin/chromium') })).toBe('/opt/chrome');
  });

  test('a CHROME_PATH that names no file is an error, not another browser', () => {
    expect(() => findChromium({ env: { CHROME_PATH: '/nowhere/chrome' }, exists: only('/usr/bin/chromium') })).toThrow(
      'CHROME_PATH is /nowhere/chrome, which does not exist: point it at a Chrome or Chromium binary, or unset it',
    );
  });

  test("then the system's Chromium", () => {
    expect(findChromium({ env: {}, exists: only('/usr/bin/chromium'), list: () => [] })).toBe('/usr/bin/chromium');
  });

  test("then playwright's cache, newest build first", () => {
    const cache = '/home/u/.cache/ms-playwright';
    const exists = only(`${cache}/chromium-1100/chrome-linux/chrome`, `${cache}/chromium-1200/chrome-linux/chrome`);
    const list = (dir: string) => (dir === cache ? ['ffmpeg-1010', 'chromium-1100', 'chromium-1200'] : []);
    expect(findChromium({ env: {}, exists, list, home: '/home/u' })).toBe(`${cache}/chromium-1200/chrome-linux/chrome`);
    expect(
      findChromium({
        env: { PLAYWRIGHT_BROWSERS_PATH: '/pw' },
        exists: only('/pw/chromium-7/chrome-linux/chrome'),
        list: (d) => (d === '/pw' ? ['chromium-7'] : []),
      }),
    ).toBe('/pw/chromium-7/chrome-linux/chrome');
  });

  test('none anywhere: undefined', () => {
    expect(findChromium({ env: {}, exists: () => false, list: () => [] })).toBeUndefined();
  });
});
