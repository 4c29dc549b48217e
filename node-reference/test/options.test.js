import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OptionsError, resolveOptions } from '../src/options.js';

describe('resolveOptions', () => {
  test('uses the contract defaults when nothing is given', () => {
    assert.deepEqual(resolveOptions([], {}), { host: '127.0.0.1', port: 8080, workers: 1, broker: null });
  });

  test('reads every option from the command line', () => {
    const argv = ['--host', '0.0.0.0', '--port', '0', '--workers', '4', '--broker', 'mqtt://127.0.0.1:1883'];
    assert.deepEqual(resolveOptions(argv, {}), {
      host: '0.0.0.0',
      port: 0,
      workers: 4,
      broker: 'mqtt://127.0.0.1:1883',
    });
  });

  test('falls back to BENCH_* variables and lets options win over them', () => {
    const env = { BENCH_HOST: '127.0.0.2', BENCH_PORT: '9000', BENCH_WORKERS: '2', BENCH_BROKER: 'mqtt://h:1' };
    assert.deepEqual(resolveOptions(['--port', '9100'], env), {
      host: '127.0.0.2',
      port: 9100,
      workers: 2,
      broker: 'mqtt://h:1',
    });
  });

  test('treats an empty broker as running without MQTT', () => {
    assert.equal(resolveOptions(['--broker', ''], { BENCH_BROKER: 'mqtt://h:1' }).broker, null);
  });

  for (const argv of [
    ['--port', 'x'],
    ['--port', '70000'],
    ['--workers', '0'],
    ['--broker', 'http://h:1'],
    ['--nope'],
  ]) {
    test(`refuses ${argv.join(' ')}`, () => {
      assert.throws(() => resolveOptions(argv, {}), OptionsError);
    });
  }

  test('takes a variant’s own worker default', () => {
    assert.equal(resolveOptions([], {}, { defaultWorkers: 3 }).workers, 3);
    assert.equal(resolveOptions(['--workers', '1'], {}, { defaultWorkers: 3 }).workers, 1);
  });

  test('reads --mqtt-port and BENCH_MQTT_PORT only for the variant that is its own broker', () => {
    const variant = { mqttPort: true };
    assert.equal(resolveOptions([], {}, variant).mqttPort, null);
    assert.equal(resolveOptions([], { BENCH_MQTT_PORT: '1884' }, variant).mqttPort, 1884);
    assert.equal(resolveOptions(['--mqtt-port', '1885'], { BENCH_MQTT_PORT: '1884' }, variant).mqttPort, 1885);
    assert.throws(() => resolveOptions(['--mqtt-port', 'x'], {}, variant), OptionsError);
    assert.throws(() => resolveOptions(['--mqtt-port', '1884'], {}), OptionsError);
  });
});
