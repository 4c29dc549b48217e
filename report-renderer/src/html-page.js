import { readFile } from 'node:fs/promises';

const STYLE_URL = new URL('./browser/report.css', import.meta.url);
const EMBED_URL = new URL('./browser/embed-charts.js', import.meta.url);

/**
 * Builds report.html as one string: inline CSS, the inlined vega/vega-lite/vega-embed bundles, the
 * sections in order, and every chart embedded interactively from its spec.
 * Each chart's <figure> ends with data-state="rendered" or "failed", and <html> gets data-charts="done"
 * once all have settled, so a browser test can wait for them.
 * @param {import('./report-input.js').ReportInput} report validated report.json
 * @param {{ name: string, version: string, source: string }[]} bundles from readBrowserBundles()
 * @returns {Promise<string>}
 */
export async function buildReportHtml(report, bundles) {
  const [style, embed] = await Promise.all([readFile(STYLE_URL, 'utf8'), readFile(EMBED_URL, 'utf8')]);
  const usedSpecs = Object.fromEntries(
    [...new Set(report.sections.flatMap((section) => section.charts))].map((id) => [id, report.specs[id]]),
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>\n${style}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(report.title)}</h1>`,
    tableOfContents(report.sections),
    ...report.sections.map(sectionHtml),
    '</main>',
    `<script type="application/json" id="bench-chart-specs">${scriptSafeJson(usedSpecs)}</script>`,
    ...bundles.map(({ name, version, source }) => `<script data-bundle="${name}@${version}">\n${scriptSafe(source)}\n</script>`),
    `<script>\n${scriptSafe(embed)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function tableOfContents(sections) {
  const items = sections.map((section, index) => `<li><a href="#${sectionId(index)}">${escapeHtml(section.heading)}</a></li>`);
  return `<nav class="toc" aria-label="Contents"><ol>\n${items.join('\n')}\n</ol></nav>`;
}

function sectionHtml(section, index) {
  const figures = section.charts.map(
    (id) =>
      `<figure class="chart" data-chart-id="${escapeHtml(id)}" data-state="pending">` +
      `<div class="chart-view" role="img" aria-label="Chart ${escapeHtml(id)}"></div></figure>`,
  );
  return [
    `<section id="${sectionId(index)}">`,
    `<h2>${escapeHtml(section.heading)}</h2>`,
    // Section HTML is trusted: the harness produces it from its own Markdown.
    section.html,
    ...figures,
    '</section>',
  ].join('\n');
}

const sectionId = (index) => `section-${index + 1}`;

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

// Inside <script>, "</script" ends the element and "<!--" changes parsing; "<\/" is the same string in JS.
function scriptSafe(source) {
  return source.replaceAll('</script', '<\\/script').replaceAll('<!--', '<\\!--');
}

// In JSON every "<" can be written \u003c, which leaves nothing for the HTML parser to see.
function scriptSafeJson(value) {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
