import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseChartsInput } from '../src/chart-input.js';
import { InputError } from '../src/input-error.js';
import { sampleCharts, sampleWith } from './support.js';

/** The problems parseChartsInput reports for an input, or [] when it accepts it. */
function problemsOf(input) {
  try {
    parseChartsInput(input);
    return [];
  } catch (error) {
    assert.ok(error instanceof InputError, error.message);
    return error.problems;
  }
}

describe('parseChartsInput', () => {
  test('accepts the sample and fills in default titles and sizes', () => {
    const [chart] = parseChartsInput(sampleWith('throughput-vs-devices')).charts;
    assert.equal(chart.title, 'Throughput vs devices');
    assert.equal(chart.workload, 'http-telemetry');
    assert.deepEqual([chart.width, chart.height], [640, 360]);
  });

  test('names the chart whose data is missing', () => {
    const input = sampleWith('cpu-by-backend');
    delete input.charts[0].data;
    assert.deepEqual(problemsOf(input), ['chart "cpu-http" (cpu-by-backend): "data" is missing']);
  });

  test('names the chart whose data is empty', () => {
    const input = sampleWith('latency-spectrum');
    input.charts[0].data = [];
    assert.deepEqual(problemsOf(input), ['chart "spectrum-http" (latency-spectrum): "data" is empty: nothing to plot']);
  });

  test('names the row and field that do not fit the kind', () => {
    const input = sampleWith('throughput-vs-devices');
    input.charts[0].data[2].devices = 0;
    delete input.charts[0].data[3].throughput;
    assert.deepEqual(problemsOf(input), [
      'chart "throughput-http" (throughput-vs-devices): data[2].devices must be a number above 0 (it is plotted on a log axis), got 0',
      'chart "throughput-http" (throughput-vs-devices): data[3].throughput is required (number), got nothing',
    ]);
  });

  test('reports every problem of every chart at once', () => {
    const input = sampleCharts();
    delete input.machine;
    input.charts[0].kind = 'pie';
    input.charts[1].data = [];
    input.charts[2].id = input.charts[3].id;
    input.charts[4].yScale = 'log';
    assert.deepEqual(problemsOf(input), [
      '"machine" must be a non-empty string',
      'chart "throughput-http" (pie): "kind" must be one of ' +
        'throughput-vs-devices, latency-percentiles-vs-devices, latency-spectrum, memory-vs-devices, ' +
        'memory-per-connection, cpu-by-backend, timeseries, event-loop-blocking, cpu-job-throughput',
      'chart "latency-http" (latency-percentiles-vs-devices): "data" is empty: nothing to plot',
      'chart "memory-per-connection-ws" (memory-per-connection): unknown option "yScale" for kind memory-per-connection',
      'chart "memory-http": the id is used by more than one chart',
    ]);
  });

  test('caps the row problems listed for one chart', () => {
    const input = sampleWith('memory-vs-devices');
    input.charts[0].data.forEach((row) => (row.rssMiB = 'lots'));
    const problems = problemsOf(input);
    assert.equal(problems.length, 6);
    assert.equal(problems.at(-1), 'chart "memory-http" (memory-vs-devices): … and 10 more row problems');
  });

  test('keeps only the fields the kind plots', () => {
    const input = sampleWith('cpu-by-backend');
    input.charts[0].data[0].internalNote = 'not for the report';
    assert.equal(parseChartsInput(input).charts[0].data[0].internalNote, undefined);
  });

  test('rejects an id that cannot name a file and a colour that is not hex', () => {
    const input = sampleWith('cpu-by-backend');
    input.charts[0].id = '../escape';
    input.backends = [{ name: 'node', colour: 'url(#x)' }];
    assert.deepEqual(problemsOf(input), [
      'backends[0] (node): "colour" must be a hex colour such as #117733',
      'chart "../escape" (cpu-by-backend): "id" must be letters, digits, ".", "_" or "-" (it names the output files)',
    ]);
  });
});
