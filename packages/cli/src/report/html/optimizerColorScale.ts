/**
 * The colour scale shared by every chart of a report. Vega assigns colours by position in the
 * domain, so fixing the domain to the same list everywhere keeps an optimizer's colour identical
 * across tasks and chart kinds, even when a chart shows only some of the optimizers.
 */
export interface OptimizerColorScale {
  readonly domain: readonly string[];
  /** Explicit colours, one per domain entry while they last (the colour-blind-safe palette). */
  readonly range?: readonly string[];
  /** A Vega categorical scheme, for more optimizers than the palette has colours. */
  readonly scheme?: 'category20';
}

/**
 * Okabe & Ito's palette ("Color Universal Design", 2008), which stays distinguishable under the
 * common colour-vision deficiencies; yellow is left out (too light on white) and black comes last.
 */
export const COLOR_BLIND_SAFE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#000000'] as const;

/** A scale over `optimizers` in first-seen order; duplicates are ignored. */
export function optimizerColorScale(optimizers: Iterable<string>): OptimizerColorScale {
  const domain = [...new Set(optimizers)];
  // Past the palette, repeating colours would be worse than a larger, less safe scheme.
  return domain.length <= COLOR_BLIND_SAFE.length ? { domain, range: COLOR_BLIND_SAFE.slice(0, Math.max(1, domain.length)) } : { domain, scheme: 'category20' };
}

/** The scale as a Vega-Lite `scale` object. */
export function colorScaleSpec(colors: OptimizerColorScale): { domain: string[]; range?: string[]; scheme?: 'category20' } {
  return { domain: [...colors.domain], ...(colors.range !== undefined ? { range: [...colors.range] } : { scheme: colors.scheme ?? 'category20' }) };
}
