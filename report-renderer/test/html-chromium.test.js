import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { readBrowserBundles } from '../src/browser-bundles.js';
import { parseChartsInput } from '../src/chart-input.js';
import { buildSpecs } from '../src/chart-renderer.js';
import { buildReportHtml } from '../src/html-page.js';
import { parseReportInput } from '../src/report-input.js';
import { sampleCharts, withTempDir } from './support.js';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';

// The harness's Playwright test is the full check; this one keeps the page honest for this package alone.
test('report.html draws every chart in headless Chromium without a console message', {
  skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (Debian package chromium)`,
  timeout: 120_000,
}, async () => {
  await withTempDir(async (dir) => {
    const rendered = buildSpecs(parseChartsInput(sampleCharts()));
    const specs = Object.fromEntries(rendered.map(({ chart, spec }) => [chart.id, spec]));
    const report = { title: 'Sample', sections: [{ heading: 'All', html: '', charts: Object.keys(specs) }], specs };
    const page = join(dir, 'report.html');
    await writeFile(page, await buildReportHtml(parseReportInput(report), await readBrowserBundles()));

    const { dom, log } = await dumpDom(page);
    assert.match(dom, /<html lang="en" data-charts="done">/);
    const states = [...dom.matchAll(/<figure class="chart" data-chart-id="([^"]+)" data-state="([a-z]+)"/g)];
    assert.deepEqual(
      states.map(([, id, state]) => [id, state]),
      rendered.map(({ chart }) => [chart.id, 'rendered']),
    );
    assert.equal(dom.match(/<svg [^>]*class="marks"/g)?.length, rendered.length);
    assert.deepEqual(log.split('\n').filter((line) => line.includes(':CONSOLE')), []);
  });
});

// --dump-dom prints the DOM once the page (and, with a virtual time budget, its scripts) settled;
// --enable-logging=stderr turns every console message of the page into a ":CONSOLE" log line.
async function dumpDom(page) {
  const profile = await mkdtemp(join(tmpdir(), 'bench-chromium-'));
  try {
    const { stdout, stderr } = await run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${profile}`,
        '--enable-logging=stderr',
        '--v=0',
        '--virtual-time-budget=15000',
        '--dump-dom',
        `file://${page}`,
      ],
      { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
    );
    return { dom: stdout, log: stderr };
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
