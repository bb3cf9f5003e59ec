import { DASHBOARD_CSS } from './dashboardCss';
import { DASHBOARD_SCRIPT } from './dashboardScript';

/** The dashboard's one page: a frame that its script fills from the JSON endpoints. */
export function dashboardPage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jahskit dashboard</title>
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<main>
<header>
<h1 id="title">jahskit dashboard</h1>
<div class="progress"><span id="progress-text" class="meta">loading…</span><div class="bar"><div id="bar-fill"></div></div><span id="live" class="live" data-state="offline">connecting</span></div>
<p id="error" class="error" role="alert"></p>
<nav id="tasks" class="tasks" aria-label="tasks"></nav>
</header>
<section id="task">
<h2 id="task-title"></h2>
<p id="task-meta" class="meta"></p>
<div id="charts" class="charts"></div>
<h3>Final values</h3>
<div id="final" class="table-wrap"></div>
</section>
<section id="trials">
<h2>Trials</h2>
<div class="controls">
<label>optimizer <select id="run-optimizer"></select></label>
<label>seed <select id="run-seed"></select></label>
<input id="filter" type="search" placeholder="filter rows" aria-label="filter trials">
<button id="csv" type="button">CSV</button>
</div>
<p id="trials-count" class="meta"></p>
<div class="table-wrap tall"><table id="trials-table"><thead id="trials-head"></thead><tbody id="trials-body"></tbody></table></div>
<div id="parallel"></div>
</section>
<section id="runs">
<h2>Runs</h2>
<div class="table-wrap tall"><table><thead><tr><th>optimizer</th><th class="num">seed</th><th>state</th><th class="num">trials</th></tr></thead><tbody id="runs-body"></tbody></table></div>
</section>
</main>
<div id="tooltip" role="tooltip" hidden></div>
<script src="/vega.js"></script>
<script>${DASHBOARD_SCRIPT}</script>
</body>
</html>
`;
}
