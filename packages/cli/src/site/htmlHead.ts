/**
 * The opening of the static pages (playground, docs site) up to `</head>`: doctype, UTF-8, a mobile
 * viewport, `title` (already escaped), an empty icon (no request for /favicon.ico), the page's `css`,
 * then `extra` head lines (each ending in a newline).
 */
export function htmlHead(title: string, css: string, extra = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${css}</style>
${extra}</head>`;
}
