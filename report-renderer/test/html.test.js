import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBrowserBundles } from '../src/browser-bundles.js';
import { parseChartsInput } from '../src/chart-input.js';
import { buildSpecs } from '../src/chart-renderer.js';
import { buildReportHtml } from '../src/html-page.js';
import { InputError } from '../src/input-error.js';
import { parseReportInput } from '../src/report-input.js';
import { sampleCharts } from './support.js';

const specs = Object.fromEntries(buildSpecs(parseChartsInput(sampleCharts())).map(({ chart, spec }) => [chart.id, spec]));
const bundles = await readBrowserBundles();

/** A report.json with two sections sharing the sample charts. */
function sampleReport() {
  const ids = Object.keys(specs);
  return {
    title: 'Bench <decision> report',
    sections: [
      { heading: 'Summary', markdownHtml: '<p>Node & Python</p><table><tr><td>1</td></tr></table>', charts: ids.slice(0, 4) },
      { heading: 'Details', html: '<p>More.</p>', charts: ids.slice(4) },
    ],
    specs,
  };
}

describe('report.html', () => {
  test('loads nothing from the network: no script, stylesheet or image comes from a URL', async () => {
    const html = await buildReportHtml(parseReportInput(sampleReport()), bundles);
    assert.doesNotMatch(html, /<script[^>]*\ssrc=/i);
    assert.doesNotMatch(html, /<link[^>]*\shref=/i);
    assert.doesNotMatch(html, /<(?:img|iframe|script|link)[^>]*\s(?:src|href)="https?:/i);
    assert.doesNotMatch(html, /@import|url\(\s*['"]?https?:/i);
  });

  test('inlines vega, vega-lite and vega-embed in load order', async () => {
    const html = await buildReportHtml(parseReportInput(sampleReport()), bundles);
    const order = ['vega', 'vega-lite', 'vega-embed'].map((name) => html.indexOf(`<script data-bundle="${name}@`));
    assert.ok(order.every((position) => position > 0), 'every bundle is present');
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    for (const { source } of bundles) assert.ok(html.includes(source.slice(0, 200)));
  });

  test('has one figure per chart reference and every spec it needs, with data inlined', async () => {
    const html = await buildReportHtml(parseReportInput(sampleReport()), bundles);
    const figures = [...html.matchAll(/<figure class="chart" data-chart-id="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(figures, Object.keys(specs));
    const embedded = JSON.parse(html.match(/<script type="application\/json" id="bench-chart-specs">(.*?)<\/script>/s)[1]);
    assert.deepEqual(embedded, JSON.parse(JSON.stringify(specs)));
  });

  test('escapes the title and headings but keeps section HTML as given', async () => {
    const html = await buildReportHtml(parseReportInput(sampleReport()), bundles);
    assert.ok(html.includes('<title>Bench &lt;decision&gt; report</title>'));
    assert.ok(html.includes('<p>Node & Python</p><table><tr><td>1</td></tr></table>'));
  });

  test('keeps a spec string containing </script> from closing the script element', async () => {
    const report = sampleReport();
    report.specs[report.sections[0].charts[0]].description = '</script><script>alert(1)</script>';
    const html = await buildReportHtml(parseReportInput(report), bundles);
    assert.ok(!html.includes('</script><script>alert(1)'));
  });

  test('report.json problems are all reported, naming the section', () => {
    const report = sampleReport();
    report.title = '';
    report.sections[1].charts.push('no-such-chart');
    report.sections[0].html = '<p>both</p>';
    assert.throws(
      () => parseReportInput(report),
      (error) =>
        error instanceof InputError &&
        error.problems.length === 3 &&
        error.problems[0] === '"title" must be a non-empty string' &&
        error.problems[1] === 'sections[0] ("Summary"): give "html" or "markdownHtml", not both' &&
        error.problems[2] === 'sections[1] ("Details"): chart "no-such-chart" has no entry in "specs"',
    );
  });
});
