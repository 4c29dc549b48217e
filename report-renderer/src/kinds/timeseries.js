import { baseSpec, colourEncoding, highlightOpacity, legendHighlight } from '../spec-common.js';

/**
 * One cell's run over time (throughput, p99, RSS per interval), as three panels sharing the time axis.
 * Null values are intervals without a measurement (e.g. no completed request) and break the line.
 */
export default {
  kind: 'timeseries',
  defaultTitle: 'Run over time',
  rowFields: { backend: 'string', tSeconds: 'number', throughput: 'number?', p99Ms: 'number?', rssMiB: 'number?' },
  options: { unit: 'string', warmupEndSeconds: 'number' },
  build(chart, context) {
    const unit = chart.options.unit ?? 'req/s';
    const panels = [
      { field: 'throughput', title: `Throughput (${unit})`, format: ',.0f' },
      { field: 'p99Ms', title: 'Latency p99 (ms)', format: ',.3~f' },
      { field: 'rssMiB', title: 'RSS (MiB)', format: ',.0f' },
    ];
    return {
      ...baseSpec(chart, context),
      data: { values: chart.data },
      vconcat: panels.map((panel, index) => panelSpec(chart, context, panel, index === 0)),
      resolve: { scale: { x: 'shared' } },
    };
  },
};

function panelSpec(chart, context, { field, title, format }, ownsHighlight) {
  const line = {
    ...(ownsHighlight ? { params: [legendHighlight] } : {}),
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x: { field: 'tSeconds', type: 'quantitative', title: 'Time since start (s)' },
      y: { field, type: 'quantitative', title, scale: { zero: true } },
      color: colourEncoding(chart, context),
      opacity: highlightOpacity(),
      tooltip: [
        { field: 'backend', title: 'Backend' },
        { field: 'tSeconds', type: 'quantitative', title: 'Time (s)', format: ',.1f' },
        { field, type: 'quantitative', title, format },
      ],
    },
  };
  const warmup = chart.options.warmupEndSeconds;
  const layer = warmup === undefined ? [line] : [line, warmupRule(warmup)];
  return { width: chart.width, height: Math.round(chart.height / 2), layer };
}

// Marks where measurement starts: samples left of the rule are warm-up and excluded from every figure.
function warmupRule(seconds) {
  return {
    data: { values: [{ tSeconds: seconds, label: 'end of warm-up' }] },
    mark: { type: 'rule', strokeDash: [4, 4], color: '#666666' },
    encoding: {
      x: { field: 'tSeconds', type: 'quantitative' },
      tooltip: [{ field: 'label', title: 'Marker' }],
    },
  };
}
