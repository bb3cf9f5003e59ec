import { describe, expect, it } from 'vitest';
import { tableHtml } from './tableHtml';

describe('tableHtml', () => {
  it('escapes every cell and right-aligns numeric ones', () => {
    const html = tableHtml([{ text: 'a<b' }, { text: 'n', numeric: true }], [[{ text: '&' }, { text: '1.5', numeric: true }]], 'c"d');
    expect(html).toContain('<caption>c&quot;d</caption>');
    expect(html).toContain('<th>a&lt;b</th><th class="num">n</th>');
    expect(html).toContain('<tr><td>&amp;</td><td class="num">1.5</td></tr>');
  });
});
