import cpuByBackend from './cpu-by-backend.js';
import cpuJobThroughput from './cpu-job-throughput.js';
import eventLoopBlocking from './event-loop-blocking.js';
import latencyPercentilesVsDevices from './latency-percentiles-vs-devices.js';
import latencySpectrum from './latency-spectrum.js';
import memoryPerConnection from './memory-per-connection.js';
import memoryVsDevices from './memory-vs-devices.js';
import throughputVsDevices from './throughput-vs-devices.js';
import timeseries from './timeseries.js';

/**
 * @typedef {object} ChartKind
 * @property {string} kind name used in charts.json
 * @property {string} defaultTitle subject of the chart when charts.json gives no title
 * @property {Record<string, string>} rowFields field → type ("string", "number", "positive", "boolean",
 *   "quantile"; a trailing "?" makes it optional and nullable)
 * @property {Record<string, string | string[]>} options option → type, or the allowed values
 * @property {(chart: object, context: object) => object} build returns the Vega-Lite spec
 */

/** Every chart kind by name. @type {ReadonlyMap<string, ChartKind>} */
export const chartKinds = new Map(
  [
    throughputVsDevices,
    latencyPercentilesVsDevices,
    latencySpectrum,
    memoryVsDevices,
    memoryPerConnection,
    cpuByBackend,
    timeseries,
    eventLoopBlocking,
    cpuJobThroughput,
  ].map((definition) => [definition.kind, definition]),
);
