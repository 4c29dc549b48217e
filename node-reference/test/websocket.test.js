import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { setTimeout } from 'node:timers/promises';
import WebSocket from 'ws';
import { buildApp } from '../src/app.js';
import { BackendState } from '../src/backend-state.js';
import { attachWebSockets, MAX_FRAME_BYTES } from '../src/websocket.js';
import { loadVectors } from '../test-support/vectors.js';

const reading = (changes = {}) =>
  JSON.stringify({ deviceId: 'dev-ws-1', seq: 1, ts: 1000, temperature: 20, humidity: 50, battery: 90, ...changes });

/** A connected client whose incoming messages can be awaited one at a time. */
async function connect(baseUrl, deviceId) {
  const ws = new WebSocket(`${baseUrl}/ws?deviceId=${encodeURIComponent(deviceId)}`);
  const inbox = [];
  const waiting = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    const next = waiting.shift();
    if (next) next(message);
    else inbox.push(message);
  });
  await once(ws, 'open');
  const receive = () =>
    inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => waiting.push(resolve));
  const exchange = async (frame, options) => {
    ws.send(frame, options);
    return receive();
  };
  return { ws, exchange };
}

/** Polls `condition` every 10 ms for at most 5 s. */
async function waitUntil(condition) {
  for (let attempt = 0; attempt < 500 && !condition(); attempt++) await setTimeout(10);
  assert.ok(condition(), 'condition not reached within 5 s');
}

/** The status of a refused upgrade. */
async function upgradeStatus(url) {
  const ws = new WebSocket(url);
  ws.on('error', () => {});
  const [, response] = await once(ws, 'unexpected-response');
  response.resume();
  ws.terminate();
  return response.statusCode;
}

describe('WebSocket /ws', { timeout: 20_000 }, () => {
  let app;
  let state;
  let websockets;
  let baseUrl;

  before(async () => {
    state = new BackendState();
    app = buildApp(state);
    websockets = attachWebSockets(app.server, state);
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `ws://127.0.0.1:${app.server.address().port}`;
  });

  after(async () => {
    await websockets.close();
    await app.close();
  });

  test('acks valid frames after updating the state, on one open connection', async () => {
    const { ws, exchange } = await connect(baseUrl, 'dev-ws-ack');
    assert.deepEqual(await exchange(reading({ deviceId: 'dev-ws-ack', seq: 1, temperature: 10 })), {
      type: 'ack',
      seq: 1,
    });
    assert.deepEqual(await exchange(reading({ deviceId: 'dev-ws-ack', seq: 2, temperature: 20 })), {
      type: 'ack',
      seq: 2,
    });
    assert.deepEqual(state.device('dev-ws-ack'), {
      deviceId: 'dev-ws-ack',
      count: 2,
      lastSeq: 2,
      lastTs: 1000,
      temperatureMean: 15,
    });
    ws.close();
    await once(ws, 'close');
  });

  test('answers invalid frames with an error and keeps the connection open', async () => {
    const { frameDeviceId, invalidFrames } = await loadVectors('telemetry.json');
    const { ws, exchange } = await connect(baseUrl, frameDeviceId);
    for (const { name, raw, expectedSeq } of invalidFrames) {
      const reply = await exchange(raw);
      assert.equal(reply.type, 'error', name);
      assert.equal(typeof reply.error, 'string', name);
      assert.equal(reply.seq, expectedSeq, name);
    }
    assert.deepEqual(await exchange(reading({ seq: 3 })), { type: 'ack', seq: 3 });
    ws.close();
    await once(ws, 'close');
  });

  test('answers a binary frame with an error', async () => {
    const { ws, exchange } = await connect(baseUrl, 'dev-ws-1');
    const reply = await exchange(Buffer.from(reading({ seq: 4 })), { binary: true });
    assert.deepEqual({ type: reply.type, seq: reply.seq }, { type: 'error', seq: null });
    ws.close();
    await once(ws, 'close');
  });

  test('answers pings with pongs', async () => {
    const { ws } = await connect(baseUrl, 'dev-ws-1');
    ws.ping('bench');
    const [payload] = await once(ws, 'pong');
    assert.equal(payload.toString(), 'bench');
    ws.close();
    await once(ws, 'close');
  });

  test('accepts a frame of exactly 64 KiB and closes with 1009 on a larger one', async () => {
    const { ws, exchange } = await connect(baseUrl, 'dev-ws-1');
    const padded = (size) => {
      const frame = reading({ seq: 5, pad: '' });
      return frame.replace('"pad":""', `"pad":"${'x'.repeat(size - frame.length)}"`);
    };
    assert.deepEqual(await exchange(padded(MAX_FRAME_BYTES)), { type: 'ack', seq: 5 });
    ws.send(padded(MAX_FRAME_BYTES + 1));
    const [code] = await once(ws, 'close');
    assert.equal(code, 1009);
  });

  test('refuses an upgrade without a valid deviceId with 400 and an unknown path with 404', async () => {
    assert.equal(await upgradeStatus(`${baseUrl}/ws`), 400);
    assert.equal(await upgradeStatus(`${baseUrl}/ws?deviceId=a%20b`), 400);
    assert.equal(await upgradeStatus(`${baseUrl}/elsewhere?deviceId=dev-1`), 404);
  });

  test('counts open connections in /stats', async () => {
    // Earlier tests' connections close asynchronously on the server side; start from none open.
    await waitUntil(() => state.openWebSockets === 0);
    const first = await connect(baseUrl, 'dev-ws-count');
    const second = await connect(baseUrl, 'dev-ws-count');
    const open = (await app.inject('/stats')).json().openWebSockets;
    first.ws.close();
    second.ws.close();
    await Promise.all([once(first.ws, 'close'), once(second.ws, 'close')]);
    assert.equal(open, 2);
  });
});
