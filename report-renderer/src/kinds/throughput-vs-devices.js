import { lineChart } from '../line-chart.js';

/** Sustained throughput per backend as the number of simulated devices grows. */
export default {
  kind: 'throughput-vs-devices',
  defaultTitle: 'Throughput vs devices',
  rowFields: { backend: 'string', devices: 'positive', throughput: 'number', low: 'number?', high: 'number?' },
  options: { unit: 'string' },
  build(chart, context) {
    const unit = chart.options.unit ?? 'req/s';
    return lineChart(chart, context, {
      x: { field: 'devices', title: 'Devices (log scale)', scale: 'log', format: '~s' },
      y: { field: 'throughput', title: `Throughput (${unit})`, format: ',.0f' },
    });
  },
};
