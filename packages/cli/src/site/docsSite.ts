import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from '../report/html/escapeHtml';
import { htmlHead } from './htmlHead';

/** Where the docs pages link to besides each other: paths relative to the docs' own folder. */
export interface DocsSiteOptions {
  readonly playgroundHref?: string;
}

/**
 * The docs folder as static HTML: each Markdown page rendered to a page of the same path (`.html`),
 * links between pages rewritten to match, other files (example sources) copied as they are, and an
 * index.html listing every page by folder under its first heading.
 */
export async function docsSite(docsDir: string, options: DocsSiteOptions = {}): Promise<Map<string, Uint8Array>> {
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  const pages: { path: string; title: string }[] = [];
  for (const path of (await filesUnder(docsDir)).sort()) {
    const bytes = await readFile(join(docsDir, path));
    if (!path.endsWith('.md')) {
      files.set(path, bytes);
      continue;
    }
    const markdown = new TextDecoder().decode(bytes);
    const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? path;
    const html = pagesRenderer(path).parse(markdown) as string;
    const target = path.replace(/\.md$/, '.html');
    pages.push({ path: target, title });
    files.set(target, encoder.encode(page(title, html, target, options)));
  }
  files.set('index.html', encoder.encode(page('jahskit documentation', indexHtml(pages), 'index.html', options)));
  return files;
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** A Markdown renderer for the page at `path` whose links to other pages (`x.md`, `x.md#part`) point at their HTML. */
function pagesRenderer(path: string): Marked {
  return new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type !== 'link') return;
      const link = token as Tokens.Link;
      if (/^[a-z][a-z0-9+.-]*:|^#|^\//i.test(link.href)) return;
      const [file, hash] = link.href.split('#', 2) as [string, string | undefined];
      const resolved = posix.normalize(posix.join(posix.dirname(path), file));
      // Outside the docs (the repository's sources): nothing to link to on the site.
      if (resolved.startsWith('..')) return;
      if (file.endsWith('.md')) link.href = `${file.slice(0, -'.md'.length)}.html${hash !== undefined ? `#${hash}` : ''}`;
    },
  });
}

function indexHtml(pages: readonly { path: string; title: string }[]): string {
  const folders = new Map<string, { path: string; title: string }[]>();
  for (const entry of pages) {
    const folder = posix.dirname(entry.path);
    folders.set(folder, [...(folders.get(folder) ?? []), entry]);
  }
  return [...folders]
    .map(
      ([folder, entries]) =>
        `<h2>${folder === '.' ? 'overview' : escapeHtml(folder)}</h2>\n<ul>\n${entries.map((e) => `<li><a href="${escapeHtml(e.path)}">${escapeHtml(e.title)}</a></li>`).join('\n')}\n</ul>`,
    )
    .join('\n');
}

function page(title: string, body: string, path: string, options: DocsSiteOptions): string {
  const up = '../'.repeat(path.split('/').length - 1);
  const playground = options.playgroundHref !== undefined ? ` · <a href="${escapeHtml(up + options.playgroundHref)}">playground</a>` : '';
  return `${htmlHead(escapeHtml(title), DOCS_CSS)}
<body>
<nav><a href="${up}index.html">jahskit docs</a>${playground}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}

const DOCS_CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, sans-serif; margin: 0 auto; padding: 0 14px 40px; max-width: 900px; color: #1b1b1b; }
nav { padding: 10px 0; border-bottom: 1px solid #ddd; margin-bottom: 8px; }
pre { background: #f5f5f5; padding: 10px; overflow-x: auto; }
code { font-size: 0.9em; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
img { max-width: 100%; }
`;
