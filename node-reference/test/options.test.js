import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OptionsError, resolveOptions } from '../src/options.js';

describe('resolveOptions', () => {
  test('uses the contract defaults when nothing is given', () => {
    assert.deepEqual(resolveOptions([], {}), { host: '127.0.0.1', port: 8080, workers: 1, brokers: [] });
  });

  test('reads every option from the command line', () => {
    const argv = ['--host', '0.0.0.0', '--port', '0', '--workers', '4', '--broker', 'mqtt://127.0.0.1:1883'];
    assert.deepEqual(resolveOptions(argv, {}), {
      host: '0.0.0.0',
      port: 0,
      workers: 4,
      brokers: ['mqtt://127.0.0.1:1883'],
    });
  });

  test('falls back to BENCH_* variables and lets options win over them', () => {
    const env = { BENCH_HOST: '127.0.0.2', BENCH_PORT: '9000', BENCH_WORKERS: '2', BENCH_BROKER: 'mqtt://h:1' };
    assert.deepEqual(resolveOptions(['--port', '9100'], env), {
      host: '127.0.0.2',
      port: 9100,
      workers: 2,
      brokers: ['mqtt://h:1'],
    });
  });

  test('treats an empty broker as running without MQTT', () => {
    assert.deepEqual(resolveOptions(['--broker', ''], { BENCH_BROKER: 'mqtt://h:1' }).brokers, []);
    assert.deepEqual(resolveOptions(['--broker', '  '], {}).brokers, []);
  });

  test('reads a comma-separated list of brokers, in order, from the option or BENCH_BROKER', () => {
    const list = 'mqtt://127.0.0.1:1883,mqtt://127.0.0.1:1884, tcp://broker-b:1883';
    const brokers = ['mqtt://127.0.0.1:1883', 'mqtt://127.0.0.1:1884', 'tcp://broker-b:1883'];
    assert.deepEqual(resolveOptions(['--broker', list], {}).brokers, brokers);
    assert.deepEqual(resolveOptions([], { BENCH_BROKER: list }).brokers, brokers);
    assert.deepEqual(resolveOptions(['--broker', 'mqtt://h:2'], { BENCH_BROKER: list }).brokers, ['mqtt://h:2']);
  });

  const refusals = [
    ['mqtt://h:1,,mqtt://h:2', "--broker has an empty entry (entry 2 of 'mqtt://h:1,,mqtt://h:2')"],
    ['mqtt://h:1,', "--broker has an empty entry (entry 2 of 'mqtt://h:1,')"],
    [',mqtt://h:1', "--broker has an empty entry (entry 1 of ',mqtt://h:1')"],
    [',', "--broker has an empty entry (entry 1 of ',')"],
    [
      'mqtt://h:1,mqtt://h:2,mqtt://h:1',
      "--broker lists the same broker twice: 'mqtt://h:1' (entry 3 of 'mqtt://h:1,mqtt://h:2,mqtt://h:1') " +
        "repeats 'mqtt://h:1'",
    ],
    // The same host and port whatever the scheme, the case of the host or the default port (1883).
    [
      'mqtt://h,tcp://H:1883/',
      "--broker lists the same broker twice: 'tcp://H:1883/' (entry 2 of 'mqtt://h,tcp://H:1883/') repeats 'mqtt://h'",
    ],
    ['mqtt://h:1,http://h:2', "--broker must use mqtt://, got 'http://h:2' (entry 2 of 'mqtt://h:1,http://h:2')"],
    ['mqtt://h:1,h2:1883', "--broker must use mqtt://, got 'h2:1883' (entry 2 of 'mqtt://h:1,h2:1883')"],
    [
      'mqtt://h:1,not a url',
      "--broker must be a URL such as mqtt://127.0.0.1:1883, got 'not a url' (entry 2 of 'mqtt://h:1,not a url')",
    ],
    ['http://h:1', "--broker must use mqtt://, got 'http://h:1'"],
  ];
  for (const [list, message] of refusals) {
    test(`refuses --broker '${list}', naming the bad entry`, () => {
      for (const [argv, env] of [[['--broker', list], {}], [[], { BENCH_BROKER: list }]]) {
        assert.throws(
          () => resolveOptions(argv, env),
          (error) => error instanceof OptionsError && error.message === message,
        );
      }
    });
  }

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
