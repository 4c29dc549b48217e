import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseChartsInput } from '../src/chart-input.js';
import { buildSpecs } from '../src/chart-renderer.js';
import { backendColour, knownBackends } from '../src/palette.js';
import { sampleCharts } from './support.js';

describe('backend colours', () => {
  test('every known backend has its own colour', () => {
    const colours = knownBackends.map((name) => backendColour(name));
    assert.equal(new Set(colours).size, knownBackends.length);
    assert.ok(knownBackends.includes('node-aedes') && knownBackends.includes('hybrid'));
  });

  test('an unknown backend gets the same colour every time, different from the name next to it', () => {
    assert.equal(backendColour('rust-axum'), backendColour('rust-axum'));
    assert.match(backendColour('rust-axum'), /^#[0-9A-F]{6}$/);
    const spread = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => backendColour(`backend-${name}`)));
    assert.ok(spread.size > 1, 'names spread over the fallback palette');
  });

  test('a colour given in charts.json wins over the fixed table', () => {
    assert.equal(backendColour('node', '#123456'), '#123456');
  });

  test('a backend keeps its colour in every chart, whichever other backends the chart shows', () => {
    const coloursSeen = new Map();
    for (const { spec } of buildSpecs(parseChartsInput(sampleCharts()))) {
      for (const [name, colour] of colourScales(spec)) {
        assert.equal(coloursSeen.get(name) ?? colour, colour, `${name} in ${spec.title.text}`);
        coloursSeen.set(name, colour);
      }
    }
    assert.equal(coloursSeen.get('python'), backendColour('python'));
    assert.equal(coloursSeen.get('node-cluster'), backendColour('node-cluster'));
  });

  test("legends list only the backends a chart shows: input order first, then Bench's known order", () => {
    const input = sampleCharts();
    input.backends = [{ name: 'dotnet' }, { name: 'node' }];
    const cpu = buildSpecs(parseChartsInput(input)).find(({ chart }) => chart.kind === 'cpu-by-backend');
    assert.deepEqual([...colourScales(cpu.spec).keys()], ['dotnet', 'node', 'node-cluster', 'python']);
  });
});

// Every backend → colour pairing found in the colour scales of a spec's views.
function colourScales(spec) {
  const views = [spec, ...(spec.layer ?? []), ...(spec.vconcat ?? []).flatMap((panel) => panel.layer ?? [])];
  const pairs = new Map();
  for (const scale of views.map((view) => view.encoding?.color?.scale).filter(Boolean)) {
    scale.domain.forEach((name, index) => pairs.set(name, scale.range[index]));
  }
  return pairs;
}
