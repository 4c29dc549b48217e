import { baseSpec, colourEncoding, highlightOpacity, legendHighlight, size } from '../spec-common.js';

// HdrHistogram's percentile plot: x = 1/(1-q) on a log axis spreads the tail so that 90%, 99%, 99.9%…
// sit one decade apart (methodology §2). q = 1 (the maximum) has no place on that axis and is dropped.
const X_EXPRESSION = '1 / (1 - datum.quantile)';
const TICK_LABEL = "datum.value === 1 ? '0%' : format(100 * (1 - 1 / datum.value), '.6~f') + '%'";

/** The latency percentile spectrum per backend, from HDR histogram percentile rows. */
export default {
  kind: 'latency-spectrum',
  defaultTitle: 'Latency by percentile',
  rowFields: { backend: 'string', quantile: 'quantile', latencyMs: 'positive' },
  options: { yScale: ['linear', 'log'] },
  build(chart, context) {
    const scale = chart.options.yScale ?? 'linear';
    const ticks = tickValues(chart.data);
    return {
      ...baseSpec(chart, context),
      ...size(chart),
      data: { values: chart.data },
      transform: [
        { filter: 'datum.quantile < 1' },
        { calculate: X_EXPRESSION, as: 'inverseTail' },
        { calculate: 'datum.quantile * 100', as: 'percentile' },
      ],
      params: [legendHighlight],
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x: {
          field: 'inverseTail',
          type: 'quantitative',
          title: 'Percentile (log scale of 1/(1−q))',
          scale: { type: 'log', domain: [1, ticks.at(-1)] },
          axis: { values: ticks, labelExpr: TICK_LABEL, grid: true },
        },
        y: {
          field: 'latencyMs',
          type: 'quantitative',
          title: `Latency (ms${scale === 'log' ? ', log scale' : ''})`,
          scale: scale === 'log' ? { type: 'log' } : { type: 'linear', zero: true },
        },
        color: colourEncoding(chart, context),
        opacity: highlightOpacity(),
        tooltip: [
          { field: 'backend', title: 'Backend' },
          { field: 'percentile', type: 'quantitative', title: 'Percentile (%)', format: '.4~f' },
          { field: 'latencyMs', type: 'quantitative', title: 'Latency (ms)', format: ',.3~f' },
        ],
      },
    };
  },
};

/** Axis ticks 0%, 50%, 90%, 99%, … up to the first decade past the deepest quantile in the data. */
function tickValues(rows) {
  const deepest = Math.max(...rows.map((row) => row.quantile).filter((quantile) => quantile < 1), 0.9);
  // The tolerance keeps 0.9999 (whose 1/(1-q) is 10000.000000000002 in binary) on the 99.99% tick.
  const reach = (1 / (1 - deepest)) * (1 - 1e-9);
  const ticks = [1, 2, 10];
  while (ticks.at(-1) < reach && ticks.length < 12) ticks.push(ticks.at(-1) * 10);
  return ticks;
}
