import { baseSpec, colourEncoding, highlightOpacity, legendHighlight, size } from './spec-common.js';

/**
 * Bars coloured by backend, grouped along x (by backend itself or by another field such as devices), with
 * spread whiskers where rows carry "low" and "high".
 * @param {import('./chart-input.js').ChartDefinition} chart
 * @param {import('./chart-input.js').RenderContext} context
 * @param {{ x: object, y: { field: string, title: string, format?: string }, xOffset?: object,
 *   opacity?: object, tooltip?: object[] }} layout
 */
export function barChart(chart, context, { x, y, xOffset, opacity, tooltip = [] }) {
  const shared = { x, ...(xOffset ? { xOffset } : {}) };
  const yEncoding = { field: y.field, type: 'quantitative', title: y.title, scale: { zero: true } };
  const bars = {
    params: [legendHighlight],
    mark: { type: 'bar' },
    encoding: {
      ...shared,
      y: yEncoding,
      color: colourEncoding(chart, context),
      opacity: opacity ?? highlightOpacity(),
      tooltip: [
        { field: 'backend', title: 'Backend' },
        ...tooltip,
        { field: y.field, type: 'quantitative', title: y.title, format: y.format ?? ',.1f' },
      ],
    },
  };
  const whiskers = {
    transform: [{ filter: 'isFinite(datum.low) && isFinite(datum.high)' }],
    mark: { type: 'rule', color: '#333333', strokeWidth: 1.5 },
    encoding: { ...shared, y: { ...yEncoding, field: 'low' }, y2: { field: 'high' } },
  };
  const spread = chart.data.some((row) => Number.isFinite(row.low) && Number.isFinite(row.high));
  return {
    ...baseSpec(chart, context),
    ...size(chart),
    data: { values: chart.data },
    layer: spread ? [bars, whiskers] : [bars],
  };
}
