import { htmlHead } from '../site/htmlHead';
/** Where the page links to besides itself. */
export interface PlaygroundHtmlOptions {
  /** The docs' index, when the page is served with them (the static site). */
  readonly docsHref?: string;
}

/**
 * The playground's page: the form, the status line, the two charts and the table of studies. The
 * page's script (playground.js) fills the menus once its worker has loaded; nothing on it is fetched
 * from anywhere but its own folder.
 */
export function playgroundHtml(options: PlaygroundHtmlOptions = {}): string {
  const docs = options.docsHref !== undefined ? ` · <a href="${options.docsHref}">docs</a>` : '';
  return `${htmlHead('jahskit playground', PLAYGROUND_CSS, '<script type="module" src="playground.js"></script>\n')}
<body data-state="loading">
<header><h1>jahskit playground</h1><p>Seeded studies on simulated time, run in your browser: the same trials, to the bit, as <code>jahskit run</code> with the command shown beside each study${docs}.</p></header>
<main>
<form id="study">
  <label>benchmark <select id="benchmark" name="benchmark"></select></label>
  <label>--instance <select id="instance" name="instance"></select></label>
  <label>--benchmark-options <input id="benchmark-options" name="benchmarkOptions" placeholder='{"objectives": ["valid_error"]}' autocomplete="off" spellcheck="false"></label>
  <label>--seeds <input id="seeds" name="seeds" value="0..2" placeholder="3, 0..4 or 1, 5" autocomplete="off"></label>
  <label>--budget <input id="budget" name="budget" value="50" placeholder="trials, or 3600s" autocomplete="off"></label>
  <label>--workers <input id="workers" name="workers" value="1" inputmode="numeric" autocomplete="off"></label>
  <fieldset id="optimizers"><legend>optimizers</legend>loading…</fieldset>
  <div class="buttons"><button id="run" type="submit" disabled>Run</button><button id="stop" type="button" disabled>Stop</button></div>
</form>
<p id="status" role="status">loading the benchmarks and optimizers…</p>
<p id="error" role="alert" hidden></p>
<section class="charts">
  <figure><figcaption>best value so far (line) and each trial (dots)</figcaption><div id="trajectory" class="chart" data-points="0"></div></figure>
  <figure id="pareto-figure" hidden><figcaption>first two objectives of every trial</figcaption><div id="pareto" class="chart"></div></figure>
</section>
<div class="table"><table>
<thead><tr><th>study</th><th>status</th><th>trials</th><th>best</th><th>run file</th><th>the same run in the CLI</th></tr></thead>
<tbody id="studies"></tbody>
</table></div>
</main>
</body>
</html>
`;
}

const PLAYGROUND_CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 0 12px 32px; max-width: 1200px; color: #1b1b1b; }
h1 { font-size: 1.4rem; margin: 16px 0 4px; }
header p { margin: 0 0 12px; color: #444; }
form { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px 16px; align-items: end; }
label { display: flex; flex-direction: column; gap: 2px; font-size: 0.85rem; color: #333; min-width: 0; }
select, input { font: inherit; padding: 4px 6px; width: 100%; min-width: 0; }
fieldset { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0; padding: 6px 10px; border: 1px solid #ccc; }
fieldset label { flex-direction: row; align-items: center; gap: 4px; font-size: 0.9rem; }
fieldset input { width: auto; }
fieldset small { color: #777; }
.buttons { display: flex; gap: 8px; }
button { font: inherit; padding: 6px 18px; }
#status { margin: 12px 0 4px; color: #333; }
#error { color: #a00; white-space: pre-wrap; overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; }
@media (max-width: 480px) { .charts { grid-template-columns: 1fr; } }
figure { margin: 0; min-width: 0; }
figcaption { font-size: 0.85rem; color: #555; }
.chart { width: 100%; min-height: 40px; }
.chart svg { max-width: 100%; height: auto; }
.table { overflow-x: auto; margin-top: 12px; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
td code, td a { overflow-wrap: anywhere; word-break: break-word; }
@media (max-width: 640px) {
  thead { display: none; }
  tr { display: block; border-bottom: 1px solid #ccc; padding: 4px 0; }
  td { display: block; border: 0; padding: 1px 4px; }
}
`;
