import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout } from 'node:timers/promises';
import { startBackend, startMosquitto, stopProcess } from '../test-support/processes.js';
import { deviceClient, reading } from '../test-support/mqtt-devices.js';
import { loadVectors } from '../test-support/vectors.js';

describe('MQTT through a real mosquitto', { timeout: 30_000 }, () => {
  let broker;
  let backend;

  before(async () => {
    broker = await startMosquitto();
    backend = await startBackend(['--port', '0', '--broker', broker.url]);
  });

  after(async () => {
    if (backend) await stopProcess(backend.child);
    if (broker) await broker.stop();
  });

  test('acks a valid reading, reports invalid ones, and counts them in /stats', async () => {
    const { client, exchange } = await deviceClient(broker.url, 'dev-mq-1');
    try {
      assert.deepEqual(await exchange(reading('dev-mq-1', { seq: 7, temperature: 30 })), {
        kind: 'ack',
        body: { seq: 7 },
      });
      const invalid = await exchange(reading('dev-mq-1', { humidity: 101 }));
      assert.equal(invalid.kind, 'error');
      assert.equal(typeof invalid.body.error, 'string');
      assert.equal((await exchange('{"deviceId":')).kind, 'error');
      assert.equal((await exchange(reading('dev-other', { seq: 8 }))).kind, 'error', 'deviceId must match the topic');
    } finally {
      await client.endAsync();
    }
    const base = `http://127.0.0.1:${backend.port}`;
    const device = await (await fetch(`${base}/devices/dev-mq-1`)).json();
    assert.deepEqual(device, { deviceId: 'dev-mq-1', count: 1, lastSeq: 7, lastTs: 1000, temperatureMean: 30 });
    const stats = await (await fetch(`${base}/stats`)).json();
    assert.deepEqual(
      { mqttMessages: stats.mqttMessages, accepted: stats.accepted, rejected: stats.rejected },
      {
        mqttMessages: 4,
        accepted: 1,
        rejected: 3,
      },
    );
  });

  test('publishes every invalid frame of the telemetry vectors to the error topic', async () => {
    const { frameDeviceId, invalidFrames } = await loadVectors('telemetry.json');
    const { client, exchange } = await deviceClient(broker.url, frameDeviceId);
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

  test('keeps serving HTTP while the broker is away and resumes MQTT once it is back', async () => {
    await broker.stop();
    const health = await fetch(`http://127.0.0.1:${backend.port}/health`);
    assert.equal(health.status, 200);
    broker = await startMosquitto(broker.port);
    // The backend re-subscribes on its own; a device publishing before that gets no reply, so retry.
    let reply;
    for (let attempt = 0; attempt < 40 && reply === undefined; attempt++) {
      const { client, exchange } = await deviceClient(broker.url, 'dev-mq-2');
      reply = await Promise.race([exchange(reading('dev-mq-2', { seq: 9 })), setTimeout(500)]);
      await client.endAsync();
    }
    assert.deepEqual(reply, { kind: 'ack', body: { seq: 9 } });
  });

  test('stops with exit code 0 on SIGTERM while connected to the broker', async () => {
    assert.equal(await stopProcess(backend.child), 0);
  });
});
