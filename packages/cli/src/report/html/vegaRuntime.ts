import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let runtime: Promise<string> | undefined;

/**
 * Vega's self-contained browser build (build/vega.min.js, BSD-3-Clause), read from the installed
 * package once per process, ready to inline in a <script>: the report draws interactive charts in
 * the reader's browser with no request leaving the file. Its package exports only the module entry,
 * so the file is found beside it.
 */
export function vegaRuntime(): Promise<string> {
  runtime ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('vega');
    const code = await readFile(join(dirname(entry), 'vega.min.js'), 'utf8');
    // An inline script ends at the first "</script"; the build has none, but a later one might.
    return code.replaceAll('</script', '<\\/script');
  })();
  return runtime;
}

/**
 * Replaces each figure's static SVG by a live Vega view of the same chart (hover tooltips, legend
 * toggles, pan and zoom) when the page runs scripts; without them, or if a view fails, the static
 * SVG stays. Vega's default tooltip handler shows a hovered mark's fields as the view's title.
 */
export const VIEWER_SCRIPT = `(function () {
  if (typeof vega === 'undefined') return;
  document.querySelectorAll('figure.plot').forEach(function (figure) {
    var source = figure.querySelector('script.vega-spec');
    var svg = figure.querySelector('svg');
    if (source === null || svg === null) return;
    var host = document.createElement('div');
    host.className = 'vega-view';
    var view = new vega.View(vega.parse(JSON.parse(source.textContent)), { renderer: 'svg', container: host, hover: true });
    view.runAsync().then(function () {
      svg.replaceWith(host);
      figure.setAttribute('data-interactive', 'true');
    }, function () { view.finalize(); });
  });
})();`;
