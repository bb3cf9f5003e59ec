import { escapeHtml } from './escapeHtml';

/**
 * A chart as `<figure class="plot" data-plot="id">`, the shape the report's browser check looks for.
 * The SVG's namespace declarations are dropped: the HTML parser puts an inline <svg> in the SVG
 * namespace anyway. With `vegaSpec`, the figure carries its chart's Vega spec for the page's live
 * view (see VIEWER_SCRIPT); the static SVG is what shows without scripts.
 */
export function figureHtml(id: string, svg: string, caption: string, vegaSpec?: object): string {
  const inline = svg.replace(/^<svg\b[^>]*>/, (openTag) => openTag.replace(/\s+xmlns(:\w+)?="[^"]*"/g, ''));
  // The spec for the page's live view: JSON in a data block, "<" escaped so no tag can end it early.
  const spec =
    vegaSpec === undefined ? '' : `\n<script type="application/json" class="vega-spec">${JSON.stringify(vegaSpec).replaceAll('<', '\\u003c')}</script>`;
  return `<figure class="plot" data-plot="${escapeHtml(id)}">\n${inline}${spec}\n<figcaption>${escapeHtml(caption)}</figcaption>\n</figure>`;
}
