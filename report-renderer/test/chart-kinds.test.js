import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseChartsInput } from '../src/chart-input.js';
import { buildSpecs, writeChart } from '../src/chart-renderer.js';
import { chartKinds } from '../src/kinds/index.js';
import { sampleCharts, withTempDir } from './support.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const input = parseChartsInput(sampleCharts());
const rendered = buildSpecs(input);

describe('chart kinds', () => {
  test('the sample data covers every chart kind', () => {
    assert.deepEqual(new Set(input.charts.map((chart) => chart.kind)), new Set(chartKinds.keys()));
  });

  for (const { chart, spec } of rendered) {
    test(`${chart.kind} renders an SVG that rsvg-convert turns into a 1200-pixel PNG, without warnings`, async () => {
      await withTempDir(async (dir) => {
        const warnings = await writeChart(dir, chart.id, spec);
        assert.deepEqual(warnings, []);
        const svg = await readFile(join(dir, `${chart.id}.svg`), 'utf8');
        assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assert.match(svg, /<\/svg>$/);
        const png = await readFile(join(dir, `${chart.id}.png`));
        assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
        assert.equal(png.readUInt32BE(16), 1200, 'PNG width from the IHDR chunk');
        assert.deepEqual(JSON.parse(await readFile(join(dir, `${chart.id}.vl.json`), 'utf8')), spec);
      });
    });

    test(`${chart.kind} titles name the workload, the scale and the machine`, async () => {
      await withTempDir(async (dir) => {
        await writeChart(dir, chart.id, spec);
        const svg = await readFile(join(dir, `${chart.id}.svg`), 'utf8');
        for (const text of [chart.workload, chart.scale, input.machine]) assert.ok(svg.includes(escapeXml(text)), text);
      });
    });

    test(`${chart.kind} puts a unit on every quantitative axis`, () => {
      for (const title of axisTitles(spec)) assert.match(title, /\([^)]*\)|^Devices$|^Backend$/, title);
    });
  }
});

// Axis titles of every positional encoding in the spec, however deeply layered or concatenated.
function axisTitles(spec) {
  const views = [spec, ...(spec.layer ?? []), ...(spec.vconcat ?? []).flatMap((panel) => [panel, ...(panel.layer ?? [])])];
  return views.flatMap((view) => ['x', 'y'].map((channel) => view.encoding?.[channel]?.title).filter(Boolean));
}

function escapeXml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
