import { backendColour, knownBackends } from './palette.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/** Default plot size in pixels; charts.json may override per chart. */
export const DEFAULT_SIZE = Object.freeze({ width: 640, height: 360 });

/**
 * The frame every chart shares: schema, size, white background (PNG conversion keeps transparency
 * otherwise), and a title whose first line names the subject and workload and whose second line names
 * the scale and the machine, so a chart pasted alone into a document still says what was measured.
 * @param {import('./chart-input.js').ChartDefinition} chart
 * @param {import('./chart-input.js').RenderContext} context
 */
export function baseSpec(chart, context) {
  return {
    $schema: SCHEMA,
    title: {
      text: `${chart.title} · ${chart.workload}`,
      subtitle: `${chart.scale} · ${context.machine}`,
      anchor: 'start',
    },
    background: 'white',
    config: {
      font: FONT,
      title: { fontSize: 15, subtitleFontSize: 12, subtitleColor: '#555555', offset: 12 },
      axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#e6e6e6' },
      legend: { labelFontSize: 11, titleFontSize: 12 },
    },
  };
}

/** The size of a single-view chart. */
export function size(chart) {
  return { width: chart.width, height: chart.height };
}

/**
 * Colour by backend with an explicit domain and range, so a backend keeps its colour in every chart
 * whatever else the chart shows.
 */
export function colourEncoding(chart, context) {
  const names = backendsIn(chart, context);
  return {
    field: 'backend',
    type: 'nominal',
    title: 'Backend',
    sort: names,
    scale: { domain: names, range: names.map((name) => context.colourOf(name)) },
    // Other channels (e.g. an opacity scale) would otherwise leak into the backend legend's swatches.
    legend: { symbolOpacity: 1 },
  };
}

/**
 * The backends present in a chart's rows, in the input's backend order, then Bench's known order,
 * then order of first appearance: legends list backends the same way in every chart.
 */
export function backendsIn(chart, context) {
  const present = new Set(chart.data.map((row) => row.backend));
  const ordered = [...context.backendOrder, ...knownBackends, ...present];
  return [...new Set(ordered)].filter((name) => present.has(name));
}

/**
 * Builds the colour lookup and backend order from charts.json's "backends" list.
 * @param {{ name: string, colour?: string }[]} backends
 */
export function colourContext(backends) {
  const overrides = new Map(backends.map((backend) => [backend.name, backend.colour]));
  return {
    backendOrder: backends.map((backend) => backend.name),
    colourOf: (name) => backendColour(name, overrides.get(name)),
  };
}

/**
 * Clicking a legend entry highlights that backend in the interactive report; static renders have no
 * selection, so every backend is drawn at full opacity there.
 */
export const legendHighlight = Object.freeze({
  name: 'highlight',
  select: { type: 'point', fields: ['backend'] },
  bind: 'legend',
});

/** Opacity that dims the backends the legend selection does not include. */
export function highlightOpacity(full = 1) {
  return { condition: { param: 'highlight', value: full, empty: true }, value: 0.15 };
}
