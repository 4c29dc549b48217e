import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sampleCharts, sampleChartsPath, withTempDir } from './support.js';

const run = promisify(execFile);
const script = (name) => new URL(`../src/${name}`, import.meta.url).pathname;

/** Runs one of the command-line tools; resolves with its exit code and output, never rejects. */
async function cli(name, args) {
  try {
    const { stdout, stderr } = await run(process.execPath, [script(name), ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

describe('command line', () => {
  test('render.js writes svg, png and vl.json for every chart, and html.js builds the page from the specs', async () => {
    await withTempDir(async (dir) => {
      const charts = join(dir, 'charts');
      const rendered = await cli('render.js', ['--in', sampleChartsPath, '--out', charts]);
      assert.equal(rendered.code, 0, rendered.stderr);
      assert.equal(rendered.stderr, '');
      const ids = sampleCharts().charts.map((chart) => chart.id);
      const expected = ids.flatMap((id) => [`${id}.png`, `${id}.svg`, `${id}.vl.json`]).sort();
      assert.deepEqual((await readdir(charts)).sort(), expected);

      const specs = {};
      for (const id of ids) specs[id] = JSON.parse(await readFile(join(charts, `${id}.vl.json`), 'utf8'));
      const report = { title: 'Report', sections: [{ heading: 'All', html: '<p>x</p>', charts: ids }], specs };
      await writeFile(join(dir, 'report.json'), JSON.stringify(report));
      const page = await cli('html.js', ['--in', join(dir, 'report.json'), '--out', join(dir, 'report.html')]);
      assert.equal(page.code, 0, page.stderr);
      assert.match(await readFile(join(dir, 'report.html'), 'utf8'), /^<!doctype html>/);
    });
  });

  test('render.js exits with 2 and names the chart when its data is empty, writing nothing', async () => {
    await withTempDir(async (dir) => {
      const input = sampleCharts();
      input.charts[3].data = [];
      await writeFile(join(dir, 'charts.json'), JSON.stringify(input));
      const result = await cli('render.js', ['--in', join(dir, 'charts.json'), '--out', join(dir, 'out')]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /chart "memory-http" \(memory-vs-devices\): "data" is empty/);
      assert.deepEqual(await readdir(dir), ['charts.json']);
    });
  });

  test('both tools exit with 2 and print usage when an option is missing', async () => {
    for (const name of ['render.js', 'html.js']) {
      const result = await cli(name, ['--in', 'x.json']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^usage: node src\//);
    }
  });

  test('html.js exits with 2 on a file that is not JSON', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'report.json'), '{ not json');
      const result = await cli('html.js', ['--in', join(dir, 'report.json'), '--out', join(dir, 'report.html')]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /report\.json: .*JSON/);
    });
  });
});
