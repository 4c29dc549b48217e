import { baseSpec, colourEncoding, highlightOpacity, legendHighlight, size } from './spec-common.js';

/**
 * @typedef {object} AxisDefinition
 * @property {string} field row field plotted on the axis
 * @property {string} title axis title, unit included
 * @property {'linear' | 'log'} [scale]
 * @property {string} [format] d3-format for labels and tooltips
 */

/**
 * A line per backend with points, plus vertical spread bars where rows carry "low" and "high" (the
 * spread across trials). Shared by every "metric vs a numeric x" kind.
 * @param {import('./chart-input.js').ChartDefinition} chart
 * @param {import('./chart-input.js').RenderContext} context
 * @param {{ x: AxisDefinition, y: AxisDefinition, transform?: object[], series?: object, tooltip?: object[] }} layout
 *   series: extra encodings (e.g. strokeDash) that split a backend into several lines.
 */
export function lineChart(chart, context, { x, y, transform = [], series = {}, tooltip = [] }) {
  const colour = colourEncoding(chart, context);
  const xEncoding = axisEncoding(x);
  const line = {
    params: [legendHighlight],
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: xEncoding,
      y: axisEncoding(y),
      color: colour,
      opacity: highlightOpacity(),
      ...series,
      tooltip: [{ field: 'backend', title: 'Backend' }, fieldTooltip(x), fieldTooltip(y), ...tooltip],
    },
  };
  const layer = hasSpread(chart.data) ? [line, spreadLayer(xEncoding, y, colour)] : [line];
  return { ...baseSpec(chart, context), ...size(chart), data: { values: chart.data }, transform, layer };
}

/** Encoding for one positional axis. */
export function axisEncoding({ field, title, scale = 'linear', format }) {
  return {
    field,
    type: 'quantitative',
    title,
    scale: scale === 'log' ? { type: 'log' } : { type: 'linear', zero: true },
    axis: format ? { format } : {},
  };
}

/** A tooltip entry showing one field with its axis title. */
export function fieldTooltip({ field, title, format }) {
  return { field, title, type: 'quantitative', ...(format ? { format } : {}) };
}

export function hasSpread(rows) {
  return rows.some((row) => Number.isFinite(row.low) && Number.isFinite(row.high));
}

function spreadLayer(xEncoding, y, colour) {
  return {
    transform: [{ filter: 'isFinite(datum.low) && isFinite(datum.high)' }],
    // Whiskers are lighter than the lines so they never hide one; a fixed mark opacity (not an encoding)
    // keeps the legend's symbols at full strength.
    mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.6 },
    encoding: {
      x: xEncoding,
      y: { ...axisEncoding(y), field: 'low' },
      y2: { field: 'high' },
      color: colour,
    },
  };
}
