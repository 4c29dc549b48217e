import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectionsToDistinctProcesses, openConnection } from '../test-support/http-connection.js';
import { deviceClient, reading } from '../test-support/mqtt-devices.js';
import { childPids, isRunning, startBackend, startMosquitto, stopProcess } from '../test-support/processes.js';

const SCRIPT = 'src/cluster.js';
const startCluster = (args) => startBackend(args, { script: SCRIPT });

describe('node src/cluster.js', { timeout: 90_000 }, () => {
  let broker;
  let cluster;
  let workers;

  before(async () => {
    broker = await startMosquitto();
    cluster = await startCluster(['--port', '0', '--workers', '2', '--broker', broker.url]);
    workers = await connectionsToDistinctProcesses(cluster.port, 2);
  });

  after(async () => {
    for (const { connection } of workers ?? []) connection.close();
    if (cluster) await stopProcess(cluster.child);
    if (broker) await broker.stop();
  });

  test('the primary prints the one ready line once both workers are ready', async () => {
    assert.equal(cluster.pid, cluster.child.pid);
    assert.deepEqual(cluster.stdout, [`BENCH-READY backend=node-cluster port=${cluster.port} pid=${cluster.pid}`]);
    assert.deepEqual((await childPids(cluster.pid)).sort(), workers.map(({ pid }) => pid).sort());
  });

  test('/health names the worker that answered and the worker count', async () => {
    for (const { pid, connection } of workers) {
      const { status, json } = await connection.get('/health');
      assert.equal(status, 200);
      assert.deepEqual(json, { status: 'ok', backend: 'node-cluster', pid, workers: 2 });
      assert.notEqual(pid, cluster.pid);
    }
  });

  test('keeps device state and /stats per worker', async () => {
    const [first, second] = workers;
    const before = (await second.connection.get('/stats')).json;
    const posted = await first.connection.post('/telemetry', reading('dev-cl-1', { seq: 4 }));
    assert.equal(posted.status, 202);
    assert.equal((await first.connection.get('/devices/dev-cl-1')).json.lastSeq, 4);
    assert.equal((await second.connection.get('/devices/dev-cl-1')).status, 404);
    assert.deepEqual((await second.connection.get('/stats')).json, before);
  });

  test('shares the MQTT subscription: each message is handled once, by one of the workers', async () => {
    const messages = 6;
    const before = await Promise.all(workers.map(({ connection }) => connection.get('/stats')));
    const { client, exchange } = await deviceClient(broker.url, 'dev-cl-mq');
    try {
      for (let seq = 0; seq < messages; seq++) {
        assert.deepEqual(await exchange(reading('dev-cl-mq', { seq })), { kind: 'ack', body: { seq } });
      }
    } finally {
      await client.endAsync();
    }
    const after = await Promise.all(workers.map(({ connection }) => connection.get('/stats')));
    const handled = after.map((response, i) => response.json.mqttMessages - before[i].json.mqttMessages);
    // Without $share every worker would get (and answer) every message: the sum would be 12.
    assert.equal(handled[0] + handled[1], messages);
    assert.ok(
      handled.every((count) => count > 0),
      `the broker spread the messages: ${handled}`,
    );
  });

  test('starts another worker when one dies while serving', async () => {
    const [victim] = workers.splice(0, 1);
    victim.connection.close();
    process.kill(victim.pid, 'SIGKILL');
    let pids = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      pids = await childPids(cluster.pid);
      if (pids.length === 2 && !pids.includes(victim.pid)) break;
      await sleep(100);
    }
    assert.equal(pids.length, 2);
    assert.ok(!pids.includes(victim.pid));
  });

  test('SIGTERM to the primary stops every worker and exits 0', async () => {
    const pids = await childPids(cluster.pid);
    assert.equal(await stopProcess(cluster.child), 0);
    assert.deepEqual(pids.filter(isRunning), []);
  });
});

describe('node src/cluster.js start-up failures', { timeout: 60_000 }, () => {
  test('exits 1 when the workers cannot listen', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    try {
      await assert.rejects(startCluster(['--port', String(taken.address().port), '--workers', '2']), /exited with 1/);
    } finally {
      taken.close();
    }
  });

  test('exits 2 with a message on an invalid option, before forking', () => {
    const result = spawnSync(process.execPath, [SCRIPT, '--workers', 'many'], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--workers must be an integer/);
  });

  test('defaults to one worker per available core', async () => {
    const backend = await startCluster(['--port', '0']);
    try {
      const connection = openConnection(backend.port);
      const { json } = await connection.get('/health');
      connection.close();
      assert.equal(json.workers, availableParallelism());
    } finally {
      assert.equal(await stopProcess(backend.child), 0);
    }
  });
});
