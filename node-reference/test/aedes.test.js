import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { deviceClient, reading } from '../test-support/mqtt-devices.js';
import { freePort, startBackend, stopProcess } from '../test-support/processes.js';
import { loadVectors } from '../test-support/vectors.js';

const SCRIPT = 'src/aedes.js';

describe('node src/aedes.js as the MQTT broker', { timeout: 60_000 }, () => {
  let backend;
  let brokerUrl;

  before(async () => {
    const mqttPort = await freePort();
    brokerUrl = `mqtt://127.0.0.1:${mqttPort}`;
    // --broker names a broker nobody runs: this variant ignores it and is ready without it.
    const args = ['--port', '0', '--mqtt-port', String(mqttPort), '--broker', 'mqtt://127.0.0.1:1'];
    backend = await startBackend(args, { script: SCRIPT });
  });

  after(async () => {
    if (backend) await stopProcess(backend.child);
  });

  test('prints its ready line once HTTP and MQTT listen', () => {
    assert.deepEqual(backend.stdout, [`BENCH-READY backend=node-aedes port=${backend.port} pid=${backend.pid}`]);
  });

  test('answers devices connected to it directly and counts them in /stats', async () => {
    const { client, exchange } = await deviceClient(brokerUrl, 'dev-ae-1');
    try {
      assert.deepEqual(await exchange(reading('dev-ae-1', { seq: 3, temperature: 25 })), {
        kind: 'ack',
        body: { seq: 3 },
      });
      assert.equal((await exchange(reading('dev-ae-1', { battery: -1 }))).kind, 'error');
      assert.equal((await exchange(reading('dev-other', { seq: 4 }))).kind, 'error', 'deviceId must match the topic');
    } finally {
      await client.endAsync();
    }
    const base = `http://127.0.0.1:${backend.port}`;
    const device = await (await fetch(`${base}/devices/dev-ae-1`)).json();
    assert.deepEqual(device, { deviceId: 'dev-ae-1', count: 1, lastSeq: 3, lastTs: 1000, temperatureMean: 25 });
    const stats = await (await fetch(`${base}/stats`)).json();
    assert.deepEqual([stats.mqttMessages, stats.accepted, stats.rejected], [3, 1, 2]);
  });

  test('publishes every invalid frame of the telemetry vectors to the error topic', async () => {
    const { frameDeviceId, invalidFrames } = await loadVectors('telemetry.json');
    const { client, exchange } = await deviceClient(brokerUrl, frameDeviceId);
    try {
      for (const { name, raw } of invalidFrames) {
        const reply = await exchange(raw);
        assert.equal(reply.kind, 'error', name);
        assert.equal(typeof reply.body.error, 'string', name);
      }
    } finally {
      await client.endAsync();
    }
  });

  test('disconnects its devices and exits 0 on SIGTERM', async () => {
    const { client } = await deviceClient(brokerUrl, 'dev-ae-stop');
    const closed = once(client, 'close');
    assert.equal(await stopProcess(backend.child), 0);
    await closed;
    await client.endAsync();
  });
});

describe('node src/aedes.js without --mqtt-port', { timeout: 60_000 }, () => {
  test('serves HTTP on its own, as the other backends do without --broker', async () => {
    const backend = await startBackend(['--port', '0', '--broker', ''], { script: SCRIPT });
    try {
      const health = await (await fetch(`http://127.0.0.1:${backend.port}/health`)).json();
      assert.deepEqual(health, { status: 'ok', backend: 'node-aedes', pid: backend.pid });
    } finally {
      assert.equal(await stopProcess(backend.child), 0);
    }
  });
});
