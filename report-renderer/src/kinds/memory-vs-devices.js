import { lineChart } from '../line-chart.js';

/** Resident memory of the backend's whole process tree as the number of devices grows. */
export default {
  kind: 'memory-vs-devices',
  defaultTitle: 'Memory (RSS) vs devices',
  rowFields: { backend: 'string', devices: 'positive', rssMiB: 'number', low: 'number?', high: 'number?' },
  options: {},
  build(chart, context) {
    return lineChart(chart, context, {
      x: { field: 'devices', title: 'Devices (log scale)', scale: 'log', format: '~s' },
      y: { field: 'rssMiB', title: 'RSS, whole process tree (MiB)', format: ',.0f' },
    });
  },
};
