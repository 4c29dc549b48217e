import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import mqtt from 'mqtt';
import { connectionsToDistinctProcesses } from '../test-support/http-connection.js';
import { deviceClient, reading } from '../test-support/mqtt-devices.js';
import { childPids, freePort, startBackend, startMosquitto, stopProcess } from '../test-support/processes.js';

// `--broker url1,url2`: one backend subscribed on two real mosquitto brokers, as the harness spreads a
// large MQTT fleet over several. A device only talks to its own broker, so its reply must come back there.

/** How long a reply that went to the wrong broker is given to show up there. */
const STRAY_WAIT_MS = 1_000;
/** A reply (or a broker log line) that takes longer than this is not coming. */
const REPLY_TIMEOUT_MS = 5_000;

const brokerList = (brokers) => brokers.map(({ url }) => url).join(',');

/** Rejects when `promise` has not settled within `ms`. */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A client on one broker that records every ack and error reply published there, for any device. */
async function watchReplies(url) {
  const client = await mqtt.connectAsync(url, { protocolVersion: 4, clean: true, reconnectPeriod: 0 });
  client.on('error', () => {});
  const received = [];
  client.on('message', (topic) => received.push(topic));
  await client.subscribeAsync(['devices/+/ack', 'devices/+/error'], { qos: 0 });
  return { received, close: () => client.endAsync() };
}

/** One exchange with a device on `url`, bounded in time. */
async function exchangeOn(url, deviceId, payload) {
  const { client, exchange } = await deviceClient(url, deviceId);
  try {
    return await within(exchange(payload), REPLY_TIMEOUT_MS, `reply to ${deviceId} on ${url}`);
  } finally {
    await client.endAsync();
  }
}

/** The MQTT client id a backend process uses on a broker, from the broker's log (3.1.1, clean, keepalive 30). */
async function clientIdOn(broker, pid) {
  const pattern = new RegExp(`New client connected from \\S+ as (bench-node-${pid}-\\S+) \\(p2, c1, k30\\)\\.$`);
  return pattern.exec(await broker.waitForLog(pattern, REPLY_TIMEOUT_MS))[1];
}

/** Resolves once the broker logged that the client sent DISCONNECT (not merely dropped the socket). */
const disconnectedFrom = (broker, clientId) =>
  broker.waitForLog(new RegExp(`Client ${clientId} disconnected\\.$`), REPLY_TIMEOUT_MS);

describe('node src/server.js with two brokers', { timeout: 60_000 }, () => {
  const brokers = [];
  const watchers = [];
  let backend;
  let clientIds;

  before(async () => {
    brokers.push(await startMosquitto(), await startMosquitto());
    backend = await startBackend(['--port', '0', '--broker', brokerList(brokers)]);
    for (const broker of brokers) watchers.push(await watchReplies(broker.url));
  });

  after(async () => {
    for (const watcher of watchers) await watcher.close();
    if (backend) await stopProcess(backend.child);
    for (const broker of brokers) await broker.stop();
  });

  test('connects to each broker (MQTT 3.1.1, clean session, keepalive 30) under its own client id', async () => {
    assert.deepEqual(backend.stdout, [`BENCH-READY backend=node port=${backend.port} pid=${backend.pid}`]);
    clientIds = await Promise.all(brokers.map((broker) => clientIdOn(broker, backend.pid)));
    assert.notEqual(clientIds[0], clientIds[1]);
  });

  test('answers each reading through the broker it arrived on and never through the other', async () => {
    for (const [i, broker] of brokers.entries()) {
      const deviceId = `dev-brokers-${i}`;
      assert.deepEqual(await exchangeOn(broker.url, deviceId, reading(deviceId, { seq: 10 + i })), {
        kind: 'ack',
        body: { seq: 10 + i },
      });
      assert.equal((await exchangeOn(broker.url, deviceId, reading(deviceId, { humidity: 101 }))).kind, 'error');
    }
    await sleep(STRAY_WAIT_MS);
    for (const [i, watcher] of watchers.entries()) {
      assert.deepEqual(watcher.received, [`devices/dev-brokers-${i}/ack`, `devices/dev-brokers-${i}/error`]);
    }
  });

  test('/stats counts the messages of both brokers', async () => {
    const stats = await (await fetch(`http://127.0.0.1:${backend.port}/stats`)).json();
    assert.deepEqual(
      { mqttMessages: stats.mqttMessages, accepted: stats.accepted, rejected: stats.rejected },
      { mqttMessages: 4, accepted: 2, rejected: 2 },
    );
  });

  test('keeps serving HTTP and the other broker while one is away, and reconnects to it on its own', async () => {
    const [, away] = brokers;
    await watchers.pop().close();
    await away.stop();

    assert.equal((await fetch(`http://127.0.0.1:${backend.port}/health`)).status, 200);
    const stayed = await exchangeOn(brokers[0].url, 'dev-brokers-stay', reading('dev-brokers-stay', { seq: 20 }));
    assert.deepEqual(stayed, { kind: 'ack', body: { seq: 20 } });

    brokers[1] = await startMosquitto(away.port);
    // The backend re-subscribes after its backoff; a device publishing before that gets no reply, so retry.
    let reply;
    for (let attempt = 0; attempt < 40 && reply === undefined; attempt++) {
      const { client, exchange } = await deviceClient(brokers[1].url, 'dev-brokers-back');
      reply = await Promise.race([exchange(reading('dev-brokers-back', { seq: 21 })), sleep(500)]);
      await client.endAsync();
    }
    assert.deepEqual(reply, { kind: 'ack', body: { seq: 21 } });
    // Same connection, same client id: it reconnected rather than being replaced.
    assert.equal(await clientIdOn(brokers[1], backend.pid), clientIds[1]);
  });

  test('SIGTERM disconnects from every broker and exits 0', async () => {
    assert.equal(await stopProcess(backend.child), 0);
    await Promise.all(brokers.map((broker, i) => disconnectedFrom(broker, clientIds[i])));
  });
});

describe('the ready line with two brokers', { timeout: 60_000 }, () => {
  test('comes only once the second broker, started late, has acknowledged the subscription', async () => {
    const first = await startMosquitto();
    const latePort = await freePort();
    let late;
    let ready = false;
    const starting = startBackend(['--port', '0', '--broker', `${first.url},mqtt://127.0.0.1:${latePort}`]);
    starting.then(() => (ready = true)).catch(() => {});
    try {
      await first.waitForLog(/ as bench-node-\d+-/, REPLY_TIMEOUT_MS);
      await sleep(STRAY_WAIT_MS);
      assert.equal(ready, false, 'ready while the second broker is not running');

      late = await startMosquitto(latePort);
      const backend = await starting;
      assert.deepEqual(backend.stdout, [`BENCH-READY backend=node port=${backend.port} pid=${backend.pid}`]);
      const deviceId = 'dev-brokers-late';
      assert.deepEqual(await exchangeOn(late.url, deviceId, reading(deviceId, { seq: 3 })), {
        kind: 'ack',
        body: { seq: 3 },
      });
    } finally {
      // startBackend kills a backend that never got ready; one that did is stopped here.
      late ??= await startMosquitto(latePort);
      const backend = await starting.catch(() => null);
      if (backend) await stopProcess(backend.child);
      await late.stop();
      await first.stop();
    }
  });
});

describe('node src/cluster.js with two workers and two brokers', { timeout: 90_000 }, () => {
  const brokers = [];
  const watchers = [];
  let cluster;
  let workerPids;

  before(async () => {
    brokers.push(await startMosquitto(), await startMosquitto());
    cluster = await startBackend(['--port', '0', '--workers', '2', '--broker', brokerList(brokers)], {
      script: 'src/cluster.js',
    });
    workerPids = await childPids(cluster.pid);
    for (const broker of brokers) watchers.push(await watchReplies(broker.url));
  });

  after(async () => {
    for (const watcher of watchers) await watcher.close();
    if (cluster) await stopProcess(cluster.child);
    for (const broker of brokers) await broker.stop();
  });

  test('every worker connects to every broker, each under its own client id', async () => {
    assert.equal(workerPids.length, 2);
    const ids = [];
    for (const broker of brokers) for (const pid of workerPids) ids.push(await clientIdOn(broker, pid));
    assert.equal(new Set(ids).size, 4, `distinct client ids: ${ids}`);
  });

  test('acks readings on both brokers through the broker they arrived on, each handled once', async () => {
    const perBroker = 4;
    const workers = await connectionsToDistinctProcesses(cluster.port, 2);
    try {
      for (const [i, broker] of brokers.entries()) {
        const deviceId = `dev-cl-brokers-${i}`;
        const { client, exchange } = await deviceClient(broker.url, deviceId);
        try {
          for (let seq = 0; seq < perBroker; seq++) {
            const reply = await within(exchange(reading(deviceId, { seq })), REPLY_TIMEOUT_MS, `${deviceId}`);
            assert.deepEqual(reply, { kind: 'ack', body: { seq } });
          }
        } finally {
          await client.endAsync();
        }
      }
      await sleep(STRAY_WAIT_MS);
      for (const [i, watcher] of watchers.entries()) {
        assert.deepEqual(watcher.received, Array(perBroker).fill(`devices/dev-cl-brokers-${i}/ack`));
      }
      // $share on each broker: every message reached exactly one worker (without it the sum would double).
      const stats = await Promise.all(workers.map(({ connection }) => connection.get('/stats')));
      assert.equal(stats[0].json.mqttMessages + stats[1].json.mqttMessages, 2 * perBroker);
    } finally {
      for (const { connection } of workers) connection.close();
    }
  });

  test('SIGTERM to the primary makes every worker disconnect from every broker, exit 0', async () => {
    const idsOn = (broker) => Promise.all(workerPids.map((pid) => clientIdOn(broker, pid)));
    const ids = await Promise.all(brokers.map(idsOn));
    assert.equal(await stopProcess(cluster.child), 0);
    await Promise.all(brokers.flatMap((broker, i) => ids[i].map((id) => disconnectedFrom(broker, id))));
  });
});

describe('node src/offload.js with two brokers', { timeout: 60_000 }, () => {
  test('acks a reading on each broker through that broker', async () => {
    const brokers = [await startMosquitto(), await startMosquitto()];
    let backend;
    try {
      backend = await startBackend(['--port', '0', '--workers', '1', '--broker', brokerList(brokers)], {
        script: 'src/offload.js',
      });
      for (const [i, broker] of brokers.entries()) {
        const deviceId = `dev-off-brokers-${i}`;
        assert.deepEqual(await exchangeOn(broker.url, deviceId, reading(deviceId, { seq: i })), {
          kind: 'ack',
          body: { seq: i },
        });
      }
      assert.equal(await stopProcess(backend.child), 0);
    } finally {
      if (backend) await stopProcess(backend.child);
      for (const broker of brokers) await broker.stop();
    }
  });
});

describe('a bad --broker list', { timeout: 60_000 }, () => {
  const run = (script, args, env = {}) =>
    spawnSync(process.execPath, [script, '--port', '0', ...args], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  for (const script of ['src/server.js', 'src/cluster.js', 'src/offload.js']) {
    test(`${script} exits 2 naming the bad entry, before connecting anywhere`, () => {
      for (const [list, message] of [
        ['mqtt://127.0.0.1:1883,,mqtt://127.0.0.1:1884', /--broker has an empty entry \(entry 2 of /],
        ['mqtt://127.0.0.1:1883,mqtt://127.0.0.1:1883', /same broker twice: 'mqtt:\/\/127\.0\.0\.1:1883' \(entry 2/],
        ['mqtt://127.0.0.1:1883,http://127.0.0.1:1884', /must use mqtt:\/\/, got 'http:\/\/127\.0\.0\.1:1884'/],
      ]) {
        const result = run(script, ['--broker', list]);
        assert.equal(result.status, 2, `${list}: ${result.stderr}`);
        assert.match(result.stderr, message);
        assert.equal(result.stdout, '');
      }
    });
  }

  test('BENCH_BROKER is checked the same way', () => {
    const result = run('src/server.js', [], { BENCH_BROKER: 'mqtt://127.0.0.1:1883,' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--broker has an empty entry \(entry 2 of 'mqtt:\/\/127\.0\.0\.1:1883,'\)/);
  });
});
