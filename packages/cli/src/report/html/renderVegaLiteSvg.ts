import type { TopLevelSpec } from 'vega-lite';

/**
 * A Vega-Lite spec drawn to a standalone SVG string in Node. The headless renderer ('none') needs no
 * canvas package; text widths are then estimated, which is good enough for axis layout.
 *
 * vega and vega-lite are imported here, when a chart is drawn: they are ECMAScript modules with
 * top-level await, which `require()` cannot load, so the CommonJS build of this package must reach
 * them through `import()`; and commands that draw nothing do not pay for loading them.
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  return (await renderVegaLite(spec)).svg;
}

/** The chart as a standalone SVG and as the compiled Vega spec (for a live view in a browser). */
export async function renderVegaLite(spec: TopLevelSpec): Promise<{ readonly svg: string; readonly vega: object }> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const vega = compile(spec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return { svg: await view.toSVG(), vega };
  } finally {
    view.finalize();
  }
}
