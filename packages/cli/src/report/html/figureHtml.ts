import { escapeHtml } from './escapeHtml';

/**
 * A chart as `<figure class="plot" data-plot="id">`, the shape the report's browser check looks for.
 * The SVG's namespace declarations are dropped: the HTML parser puts an inline <svg> in the SVG
 * namespace anyway, and the report promises not to mention a single URL.
 */
export function figureHtml(id: string, svg: string, caption: string): string {
  const inline = svg.replace(/^<svg\b[^>]*>/, (openTag) => openTag.replace(/\s+xmlns(:\w+)?="[^"]*"/g, ''));
  return `<figure class="plot" data-plot="${escapeHtml(id)}">\n${inline}\n<figcaption>${escapeHtml(caption)}</figcaption>\n</figure>`;
}
