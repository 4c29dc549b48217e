import { barChart } from '../bar-chart.js';
import { backendsIn } from '../spec-common.js';

/**
 * The mixed workload's event-loop-blocking check: heartbeat p99 with and without CPU jobs running on the
 * same backend. Colour stays the backend's; the condition is told apart by position and lightness.
 * The pipeline workload uses the same chart for ingestion acks with and without analytics: option `load` names
 * the background load (default "CPU jobs"), option `measure` titles the y axis; the row fields keep their names.
 */
export default {
  kind: 'event-loop-blocking',
  defaultTitle: 'Heartbeat p99 with and without CPU jobs',
  rowFields: { backend: 'string', withCpuJobs: 'boolean', heartbeatP99Ms: 'number', low: 'number?', high: 'number?' },
  options: { load: 'string', measure: 'string' },
  build(chart, context) {
    const load = chart.options.load ?? 'CPU jobs';
    const WITHOUT = `without ${load}`;
    const WITH = `with ${load}`;
    const conditions = [WITHOUT, WITH];
    const legendTitle = load.charAt(0).toUpperCase() + load.slice(1);
    const spec = barChart(chart, context, {
      x: { field: 'backend', type: 'nominal', title: 'Backend', sort: backendsIn(chart, context), axis: { labelAngle: 0 } },
      xOffset: { field: 'condition', type: 'nominal', sort: conditions, scale: { domain: conditions } },
      y: { field: 'heartbeatP99Ms', title: chart.options.measure ?? 'Heartbeat latency p99 (ms)', format: ',.3~f' },
      // Inside the legend selection the condition sets lightness; outside it every bar is dimmed.
      opacity: {
        condition: {
          param: 'highlight',
          empty: true,
          field: 'condition',
          type: 'ordinal',
          title: legendTitle,
          sort: conditions,
          scale: { domain: conditions, range: [0.45, 1] },
          legend: { symbolFillColor: '#333333', symbolStrokeColor: '#333333' },
        },
        value: 0.15,
      },
      tooltip: [{ field: 'condition', title: legendTitle }],
    });
    spec.transform = [{ calculate: `datum.withCpuJobs ? '${WITH}' : '${WITHOUT}'`, as: 'condition' }];
    return spec;
  },
};
