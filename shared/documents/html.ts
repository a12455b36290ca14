import type { Block, DocumentModel } from './model';

/**
 * Renders a `DocumentModel` as one standalone HTML page: UTF-8, `lang` set, its CSS in a single
 * `<style>` element, no scripts, no external resources. Every piece of text is escaped, and the
 * page carries its own Content-Security-Policy (`default-src 'none'`), so even a text that got
 * past the escaping could neither run script nor load anything when the file is opened.
 */
export function renderHtml(model: DocumentModel): string {
  const body = [
    `<h1>${escapeHtml(model.title)}</h1>`,
    model.subtitle === undefined ? '' : `<p class="subtitle">${escapeText(model.subtitle)}</p>`,
    ...model.blocks.map(renderBlock),
    model.footer === undefined ? '' : `<footer>${escapeText(model.footer)}</footer>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(model.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #111; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .4rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .3rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
p { margin: 0 0 .6rem; }
.subtitle, footer { color: #444; }
footer { margin-top: 2.5rem; padding-top: .5rem; border-top: 1px solid #bbb; font-size: .85rem; }
ul, ol { margin: 0 0 .8rem; padding-left: 1.4rem; }
li { margin: 0 0 .2rem; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #ccc; overflow-wrap: anywhere; }
th { border-bottom: 2px solid #888; }
dl { display: grid; grid-template-columns: minmax(8rem, 34%) 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dt { color: #444; }
dd { margin: 0; overflow-wrap: anywhere; }
.text { white-space: pre-line; }
@media print { body { font-size: 11pt; } main { max-width: none; padding: 0; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
`;

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      // The document title is the page's <h1>, so model levels 1–3 are <h2>–<h4>.
      const tag = `h${block.level + 1}`;
      return `<${tag}>${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${escapeText(block.text)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${block.items.map((item) => `<li>${escapeText(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'keyValue':
      return `<dl>\n${block.rows.map((row) => `<dt>${escapeHtml(row.key)}</dt><dd>${row.value === '' ? '–' : escapeText(row.value)}</dd>`).join('\n')}\n</dl>`;
    case 'table': {
      const head = `<tr>${block.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr>`;
      const rows = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeText(cell)}</td>`).join('')}</tr>`);
      return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
  }
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Control characters other than tab and line breaks are not allowed in HTML text; drop them.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Escaped text whose line breaks show (multi-line notes). */
function escapeText(text: string): string {
  const escaped = escapeHtml(text.replace(/\r\n?/g, '\n'));
  return escaped.includes('\n') ? `<span class="text">${escaped}</span>` : escaped;
}
