import { lineChart } from '../line-chart.js';

const PERCENTILES = [
  { field: 'p50Ms', label: 'p50' },
  { field: 'p99Ms', label: 'p99' },
  { field: 'p999Ms', label: 'p99.9' },
];

/** p50, p99 and p99.9 latency per backend as devices grow: colour is the backend, dash the percentile. */
export default {
  kind: 'latency-percentiles-vs-devices',
  defaultTitle: 'Latency percentiles vs devices',
  rowFields: { backend: 'string', devices: 'positive', p50Ms: 'positive', p99Ms: 'positive', p999Ms: 'positive' },
  options: { yScale: ['log', 'linear'] },
  build(chart, context) {
    const scale = chart.options.yScale ?? 'log';
    const labels = PERCENTILES.map((percentile) => percentile.label);
    return lineChart(chart, context, {
      transform: [
        { fold: PERCENTILES.map((percentile) => percentile.field), as: ['percentileField', 'latencyMs'] },
        { calculate: percentileLabelExpression(), as: 'percentile' },
      ],
      x: { field: 'devices', title: 'Devices (log scale)', scale: 'log', format: '~s' },
      y: { field: 'latencyMs', title: `Latency (ms${scale === 'log' ? ', log scale' : ''})`, scale, format: ',.3~f' },
      series: {
        strokeDash: { field: 'percentile', type: 'nominal', title: 'Percentile', sort: labels, scale: { domain: labels } },
        shape: { field: 'percentile', type: 'nominal', title: 'Percentile', sort: labels, scale: { domain: labels } },
      },
      tooltip: [{ field: 'percentile', title: 'Percentile' }],
    });
  },
};

function percentileLabelExpression() {
  const cases = PERCENTILES.map(({ field, label }) => `datum.percentileField === '${field}' ? '${label}' : `);
  return `${cases.join('')}datum.percentileField`;
}
