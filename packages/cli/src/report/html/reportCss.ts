/** The report's whole stylesheet, inlined so the file opens anywhere without a network. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f6f4; color: #1d1d1b; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 64px; background: #fff; }
h1 { font-size: 1.7em; margin: 0.2em 0 0.3em; }
h2 { font-size: 1.3em; margin: 2em 0 0.4em; padding-top: 0.6em; border-top: 1px solid #ddd; }
h3 { font-size: 1.05em; margin: 1.4em 0 0.4em; }
.summary, .meta { color: #555; margin: 0.2em 0; }
nav ul { padding-left: 1.2em; margin: 0.4em 0; }
a { color: #1f5fa8; }
figure.plot { margin: 1em 0; }
figure.plot svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9em; margin-top: 0.3em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.92em; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e4e4e0; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #bbb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.leaderboards { display: flex; flex-wrap: wrap; gap: 4px 32px; }
.table-wrap { max-width: 100%; overflow-x: auto; }
h1, h2, h3, .summary, .meta, figcaption, caption { overflow-wrap: anywhere; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  main { padding: 12px 12px 40px; }
  .leaderboards { display: block; }
  th, td { padding: 3px 6px; }
}
`;
