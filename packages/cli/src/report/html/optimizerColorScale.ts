/**
 * The colour scale shared by every chart of a report. Vega assigns scheme colours by position in the
 * domain, so fixing the domain to the same list everywhere keeps an optimizer's colour identical
 * across tasks and chart kinds, even when a chart shows only some of the optimizers.
 */
export interface OptimizerColorScale {
  readonly domain: readonly string[];
  /** A Vega categorical scheme. */
  readonly scheme: 'tableau10' | 'category20';
}

/** A scale over `optimizers` in first-seen order; duplicates are ignored. */
export function optimizerColorScale(optimizers: Iterable<string>): OptimizerColorScale {
  const domain = [...new Set(optimizers)];
  // tableau10 separates well and prints acceptably in grey; past ten names it would repeat colours.
  return { domain, scheme: domain.length <= 10 ? 'tableau10' : 'category20' };
}
