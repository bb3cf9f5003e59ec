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
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
