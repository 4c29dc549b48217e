import { barChart } from '../bar-chart.js';
import { backendsIn } from '../spec-common.js';

/** CPU used by each backend's whole process tree, in percent of one core (200% = both cores here). */
export default {
  kind: 'cpu-by-backend',
  defaultTitle: 'CPU per backend',
  rowFields: { backend: 'string', cpuPercent: 'number', low: 'number?', high: 'number?' },
  options: {},
  build(chart, context) {
    return barChart(chart, context, {
      x: { field: 'backend', type: 'nominal', title: 'Backend', sort: backendsIn(chart, context), axis: { labelAngle: 0 } },
      y: { field: 'cpuPercent', title: 'CPU (% of one core)' },
    });
  },
};
