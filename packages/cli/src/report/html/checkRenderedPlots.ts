import type { Page } from 'playwright-core';

/** Vega puts data marks (never axes or legends) in groups of class "role-mark". */
const MARK_SELECTOR = ['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon'].map((shape) => `.role-mark ${shape}`).join(', ');

/** What the browser measured of one `figure.plot`. */
interface PlotMeasure {
  readonly id: string;
  readonly svgCount: number;
  readonly width: number;
  readonly height: number;
  readonly marks: number;
  readonly visibleMarks: number;
}

/**
 * Problems with the charts of the page loaded in `page`, empty when every `figure.plot` holds an
 * <svg> of at least `minSize` px each way with at least one visible data mark. Catches what a string
 * test cannot: a chart that is present in the HTML but draws nothing (no data, all points filtered,
 * zero-sized, hidden by CSS). Hand-made charts pass when their marks sit in a `g.role-mark`.
 */
export async function checkRenderedPlots(page: Page, options: { readonly minSize?: number } = {}): Promise<string[]> {
  const minSize = options.minSize ?? 50;
  const plots = await page.evaluate(measurePlots, MARK_SELECTOR);
  if (plots.length === 0) return ['no figure.plot on the page'];
  const problems: string[] = [];
  for (const plot of plots) {
    const name = `plot "${plot.id}"`;
    if (plot.svgCount === 0) {
      problems.push(`${name}: no <svg>`);
      continue;
    }
    if (plot.width <= minSize || plot.height <= minSize) {
      problems.push(`${name}: svg is ${Math.round(plot.width)}x${Math.round(plot.height)} px, needs more than ${minSize} px each way`);
    }
    if (plot.visibleMarks === 0) {
      problems.push(`${name}: no visible data mark (${plot.marks} mark element${plot.marks === 1 ? '' : 's'}, none drawn)`);
    }
  }
  return problems;
}

// The DOM types this needs, declared here because the packages compile without the DOM library.
interface BrowserElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): ArrayLike<BrowserElement>;
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}
interface BrowserWindow {
  readonly document: { querySelectorAll(selector: string): ArrayLike<BrowserElement> };
  getComputedStyle(element: BrowserElement): { display: string; visibility: string; opacity: string; fill: string; stroke: string };
}

/**
 * Runs in the page: playwright sends its source text, so it must not refer to anything outside its
 * own body, not even a helper function.
 */
function measurePlots(markSelector: string): PlotMeasure[] {
  const page = globalThis as unknown as BrowserWindow;
  return Array.from(page.document.querySelectorAll('figure.plot'), (figure) => {
    const svg = figure.querySelector('svg');
    const box = svg?.getBoundingClientRect() ?? { width: 0, height: 0 };
    const marks = svg === null ? [] : Array.from(svg.querySelectorAll(markSelector));
    const visibleMarks = marks.filter((mark) => {
      const rect = mark.getBoundingClientRect();
      const style = page.getComputedStyle(mark);
      return (
        (rect.width > 0 || rect.height > 0) &&
        style.display !== 'none' &&
        style.visibility !== 'hidden' &&
        Number(style.opacity) > 0 &&
        (style.fill !== 'none' || style.stroke !== 'none')
      );
    }).length;
    return {
      id: figure.getAttribute('data-plot') ?? '(no data-plot)',
      svgCount: figure.querySelectorAll('svg').length,
      width: box.width,
      height: box.height,
      marks: marks.length,
      visibleMarks,
    };
  });
}
