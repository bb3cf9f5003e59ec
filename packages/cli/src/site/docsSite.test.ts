import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { docsSite } from './docsSite';

const docs = mkdtempSync(join(tmpdir(), 'jahskit-docs-'));
afterAll(() => rmSync(docs, { recursive: true, force: true }));
mkdirSync(join(docs, 'guides'));
mkdirSync(join(docs, 'examples'));
writeFileSync(
  join(docs, 'overview.md'),
  '# Overview <&>\n\nSee [the guide](guides/play.md#run), [the source](../packages/cli/src/index.ts), [the web](https://example.org/x.md) and [a part](#part).\n',
);
writeFileSync(join(docs, 'guides', 'play.md'), '# Play\n\nBack to [the overview](../overview.md).\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
writeFileSync(join(docs, 'examples', 'app.ts'), 'export {};\n');

describe('docsSite', () => {
  test('every page as HTML at the same path, other files copied, and an index by folder', async () => {
    const files = await docsSite(docs, { playgroundHref: 'playground/index.html' });
    expect([...files.keys()].sort()).toEqual(['examples/app.ts', 'guides/play.html', 'index.html', 'overview.html']);
    const text = (path: string) => new TextDecoder().decode(files.get(path));
    expect(text('examples/app.ts')).toBe('export {};\n');
    const overview = text('overview.html');
    expect(overview).toContain('<title>Overview &lt;&amp;&gt;</title>');
    expect(overview).toContain('href="guides/play.html#run"');
    // Links outside the docs and to other sites stay as written.
    expect(overview).toContain('href="../packages/cli/src/index.ts"');
    expect(overview).toContain('href="https://example.org/x.md"');
    expect(overview).toContain('href="#part"');
    const play = text('guides/play.html');
    expect(play).toContain('href="../overview.html"');
    expect(play).toContain('<table>');
    expect(play).toContain('<a href="../index.html">jahskit docs</a> · <a href="../playground/index.html">playground</a>');
    const index = text('index.html');
    expect(index).toMatch(/<h2>overview<\/h2>\n<ul>\n<li><a href="overview.html">Overview &lt;&amp;&gt;<\/a><\/li>/);
    expect(index).toContain('<h2>guides</h2>\n<ul>\n<li><a href="guides/play.html">Play</a></li>');
  });
});
