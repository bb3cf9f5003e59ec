import { escapeHtml } from './escapeHtml';

/** One table cell: text is escaped; numeric cells are right-aligned so digits line up. */
export interface TableCell {
  readonly text: string;
  readonly numeric?: boolean;
}

/**
 * A plain HTML table; every header and cell is escaped. It sits in a box that scrolls sideways, so a
 * wide table on a phone scrolls itself instead of widening the page.
 */
export function tableHtml(headers: readonly TableCell[], rows: readonly (readonly TableCell[])[], caption?: string): string {
  const cell = (tag: 'th' | 'td', { text, numeric }: TableCell): string => `<${tag}${numeric === true ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  return [
    '<div class="table-wrap">',
    '<table>',
    caption === undefined ? '' : `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${headers.map((header) => cell('th', header)).join('')}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${row.map((item) => cell('td', item)).join('')}</tr>`).join('\n')}</tbody>`,
    '</table>',
    '</div>',
  ].join('\n');
}
