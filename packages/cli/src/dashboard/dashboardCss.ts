import { REPORT_CSS } from '../report/html/reportCss';

/** The report's stylesheet, plus the dashboard's controls, table and tooltip. */
export const DASHBOARD_CSS = `${REPORT_CSS}
main { max-width: 1240px; }
.progress { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.bar { flex: 1 1 160px; max-width: 360px; height: 8px; background: #e4e4e0; border-radius: 4px; overflow: hidden; }
.bar > div { height: 100%; background: #009E73; width: 0; transition: width 0.3s; }
.live { font-size: 0.85em; color: #555; }
.live[data-state="live"]::before { content: "● "; color: #009E73; }
.live[data-state="offline"]::before { content: "● "; color: #D55E00; }
nav.tasks { display: flex; flex-wrap: wrap; gap: 6px; margin: 12px 0; }
nav.tasks button, .controls button { font: inherit; padding: 3px 10px; border: 1px solid #bbb; border-radius: 4px; background: #fff; cursor: pointer; }
nav.tasks button[aria-pressed="true"] { background: #1f5fa8; border-color: #1f5fa8; color: #fff; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr)); gap: 8px 24px; }
figure.plot h3 { margin: 0.6em 0 0.2em; }
.vega-view svg, .vega-view canvas { display: block; max-width: 100%; height: auto; }
.downloads { display: flex; gap: 6px; margin-top: 4px; }
.downloads button { font-size: 0.85em; padding: 1px 8px; border: 1px solid #ccc; border-radius: 4px; background: #fafafa; cursor: pointer; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.controls input[type="search"] { font: inherit; padding: 2px 6px; min-width: 0; width: 14em; max-width: 100%; }
.table-wrap.tall { max-height: 480px; overflow: auto; }
th.sortable { cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
td.state-finished { color: #009E73; }
td.state-running { color: #0072B2; }
td.state-error { color: #D55E00; }
.error { color: #D55E00; overflow-wrap: anywhere; }
#tooltip { position: fixed; z-index: 10; max-width: min(420px, 90vw); max-height: 70vh; overflow: auto; background: #fff; border: 1px solid #999; border-radius: 4px; padding: 4px 8px; font-size: 12px; box-shadow: 0 2px 8px rgba(0,0,0,0.15); pointer-events: none; }
#tooltip table { margin: 0; font-size: 12px; }
#tooltip td { padding: 0 6px; border: 0; }
`;
