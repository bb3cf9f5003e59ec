import { describe, expect, test } from 'vitest';
import { htmlHead } from './htmlHead';

describe('htmlHead', () => {
  test('doctype, charset, viewport, title, empty icon, style, extra lines, then </head>', () => {
    expect(htmlHead('t &amp; u', 'p{}', '<script src="a.js"></script>\n')).toBe(
      [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>t &amp; u</title>',
        '<link rel="icon" href="data:,">',
        '<style>p{}</style>',
        '<script src="a.js"></script>',
        '</head>',
      ].join('\n'),
    );
    expect(htmlHead('t', '')).toMatch(/<style><\/style>\n<\/head>$/);
  });
});
