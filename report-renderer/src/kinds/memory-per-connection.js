import { barChart } from '../bar-chart.js';
import { backendsIn } from '../spec-common.js';

/** Memory each connected device costs (RSS growth over idle, divided by devices), grouped by scale. */
export default {
  kind: 'memory-per-connection',
  defaultTitle: 'Memory per connection',
  rowFields: { backend: 'string', devices: 'positive', kibPerConnection: 'number', low: 'number?', high: 'number?' },
  options: {},
  build(chart, context) {
    return barChart(chart, context, {
      x: { field: 'devices', type: 'ordinal', title: 'Devices', axis: { format: '~s', labelAngle: 0 } },
      xOffset: { field: 'backend', type: 'nominal', sort: backendsIn(chart, context) },
      y: { field: 'kibPerConnection', title: 'Memory per connection (KiB)' },
      tooltip: [{ field: 'devices', type: 'quantitative', title: 'Devices', format: ',' }],
    });
  },
};
