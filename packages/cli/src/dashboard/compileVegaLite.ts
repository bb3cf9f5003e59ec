import type { TopLevelSpec } from 'vega-lite';

/**
 * A Vega-Lite spec compiled to Vega on the server, so that the page needs only Vega's runtime (the
 * one the report inlines) and not the compiler too. vega-lite is an ECMAScript module with top-level
 * await: it is imported when a chart is compiled, as the report does (see renderVegaLiteSvg).
 */
export async function compileVegaLite(spec: TopLevelSpec): Promise<object> {
  const { compile } = await import('vega-lite');
  return compile(spec).spec;
}
