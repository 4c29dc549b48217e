import { barChart } from '../bar-chart.js';
import { backendsIn } from '../spec-common.js';

const WITHOUT = 'without CPU jobs';
const WITH = 'with CPU jobs';

/**
 * The mixed workload's event-loop-blocking check: heartbeat p99 with and without CPU jobs running on the
 * same backend. Colour stays the backend's; the condition is told apart by position and lightness.
 */
export default {
  kind: 'event-loop-blocking',
  defaultTitle: 'Heartbeat p99 with and without CPU jobs',
  rowFields: { backend: 'string', withCpuJobs: 'boolean', heartbeatP99Ms: 'number', low: 'number?', high: 'number?' },
  options: {},
  build(chart, context) {
    const conditions = [WITHOUT, WITH];
    const spec = barChart(chart, context, {
      x: { field: 'backend', type: 'nominal', title: 'Backend', sort: backendsIn(chart, context), axis: { labelAngle: 0 } },
      xOffset: { field: 'condition', type: 'nominal', sort: conditions, scale: { domain: conditions } },
      y: { field: 'heartbeatP99Ms', title: 'Heartbeat latency p99 (ms)', format: ',.3~f' },
      // Inside the legend selection the condition sets lightness; outside it every bar is dimmed.
      opacity: {
        condition: {
          param: 'highlight',
          empty: true,
          field: 'condition',
          type: 'ordinal',
          title: 'CPU jobs',
          sort: conditions,
          scale: { domain: conditions, range: [0.45, 1] },
          legend: { symbolFillColor: '#333333', symbolStrokeColor: '#333333' },
        },
        value: 0.15,
      },
      tooltip: [{ field: 'condition', title: 'CPU jobs' }],
    });
    spec.transform = [{ calculate: `datum.withCpuJobs ? '${WITH}' : '${WITHOUT}'`, as: 'condition' }];
    return spec;
  },
};
