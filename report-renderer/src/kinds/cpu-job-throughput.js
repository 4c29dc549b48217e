import { lineChart } from '../line-chart.js';

/** Completed CPU-bound sensor jobs per second for each job size (samples per job). */
export default {
  kind: 'cpu-job-throughput',
  defaultTitle: 'CPU-job throughput by job size',
  rowFields: { backend: 'string', jobSize: 'positive', jobsPerSecond: 'positive', low: 'positive?', high: 'positive?' },
  options: { yScale: ['log', 'linear'] },
  build(chart, context) {
    const scale = chart.options.yScale ?? 'log';
    return lineChart(chart, context, {
      x: { field: 'jobSize', title: 'Job size (samples, log scale)', scale: 'log', format: '~s' },
      y: {
        field: 'jobsPerSecond',
        title: `Throughput (jobs/s${scale === 'log' ? ', log scale' : ''})`,
        scale,
        format: ',.0f',
      },
    });
  },
};
