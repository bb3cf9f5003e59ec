import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml';
import { figureHtml } from './figureHtml';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
  });
});

describe('figureHtml', () => {
  it('wraps the svg in a plot figure, escaping id and caption', () => {
    const html = figureHtml('a"b', '<svg width="10"><path d="M0,0L1,1"/></svg>', 'x < y & z');
    expect(html).toBe(
      '<figure class="plot" data-plot="a&quot;b">\n<svg width="10"><path d="M0,0L1,1"/></svg>\n<figcaption>x &lt; y &amp; z</figcaption>\n</figure>',
    );
  });

  it('drops namespace declarations from the root svg only', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10"><g/></svg>';
    expect(figureHtml('p', svg, '')).toContain('<svg width="10"><g/></svg>');
  });
});
