import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseChartsInput } from '../src/chart-input.js';
import { buildSpecs, renderSvg, writeChart } from '../src/chart-renderer.js';
import { sampleCharts, withTempDir } from './support.js';

test('the same charts.json renders the same SVG bytes every time', async () => {
  for (const { chart, spec } of buildSpecs(parseChartsInput(sampleCharts()))) {
    const first = await renderSvg(spec);
    const second = await renderSvg(buildSpecs(parseChartsInput(sampleCharts())).find((r) => r.chart.id === chart.id).spec);
    assert.equal(second.svg, first.svg, chart.id);
  }
});

test('two renders into different folders write identical files, PNGs included', async () => {
  await withTempDir(async (dir) => {
    const [chart] = buildSpecs(parseChartsInput(sampleCharts()));
    await writeChart(join(dir, '.'), 'first', chart.spec);
    const again = buildSpecs(parseChartsInput(sampleCharts()))[0];
    await writeChart(dir, 'second', again.spec);
    for (const extension of ['svg', 'png', 'vl.json']) {
      const [a, b] = await Promise.all(['first', 'second'].map((id) => readFile(join(dir, `${id}.${extension}`))));
      assert.ok(a.equals(b), extension);
    }
    assert.equal((await readdir(dir)).length, 6);
  });
});
