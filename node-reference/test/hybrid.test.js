import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import mqtt from 'mqtt';
import { analyze } from '../src/analyze.js';
import { parseAnalyzeRequest } from '../src/analyze-request.js';
import { analyzeJobFor } from '../src/hybrid/analytics-job.js';
import { reading } from '../test-support/mqtt-devices.js';
import { childPids, startBackend, startMosquitto, stopProcess } from '../test-support/processes.js';

const SCRIPT = 'src/hybrid/main.js';
const vibration = Array.from({ length: 100 }, (_, i) => Math.round(Math.sin(i * 0.9) * 1e6) / 1e6);

/** A device that publishes telemetry and hands out, in order, what arrives on its ack and analysis topics. */
async function device(url, deviceId) {
  const client = await mqtt.connectAsync(url, { protocolVersion: 4, clean: true, reconnectPeriod: 0 });
  const inbox = [];
  const waiting = [];
  client.on('message', (topic, payload) => {
    const message = { kind: topic.split('/')[2], body: JSON.parse(payload.toString()) };
    const next = waiting.shift();
    if (next) next(message);
    else inbox.push(message);
  });
  await client.subscribeAsync([`devices/${deviceId}/ack`, `devices/${deviceId}/analysis`], { qos: 0 });
  return {
    client,
    send: (changes) => client.publishAsync(`devices/${deviceId}/telemetry`, reading(deviceId, changes), { qos: 1 }),
    next: () => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => waiting.push(resolve))),
  };
}

const commandOf = async (pid) => (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');

describe('node src/hybrid/main.js', { timeout: 90_000 }, () => {
  let broker;
  let hybrid;

  before(async () => {
    broker = await startMosquitto();
    hybrid = await startBackend(['--port', '0', '--workers', '2', '--broker', broker.url], { script: SCRIPT });
  });

  after(async () => {
    if (hybrid) await stopProcess(hybrid.child);
    if (broker) await broker.stop();
  });

  test('prints one ready line once both Python analytics workers are ready, and they are its children', async () => {
    assert.deepEqual(hybrid.stdout, [`BENCH-READY backend=hybrid port=${hybrid.port} pid=${hybrid.pid}`]);
    const commands = await Promise.all((await childPids(hybrid.pid)).map(commandOf));
    assert.equal(commands.filter((command) => command.startsWith('/usr/bin/python3 -m bench_analytics')).length, 2);
  });

  test('acks an MQTT reading first, then publishes its analysis with the reading it came from', async () => {
    const probe = await device(broker.url, 'hybrid-mqtt');
    try {
      await probe.send({ seq: 7, ts: 1234, vibration });
      const first = await probe.next();
      const second = await probe.next();

      assert.deepEqual(first, { kind: 'ack', body: { seq: 7 } });
      assert.equal(second.kind, 'analysis');
      assert.deepEqual([second.body.deviceId, second.body.seq, second.body.ts], ['hybrid-mqtt', 7, 1234]);
      // The Python workers' NumPy result agrees with this backend's own kernel on the same job (contract §4).
      const expected = analyze(parseAnalyzeRequest(analyzeJobFor({ deviceId: 'hybrid-mqtt', vibration }, 0)).request);
      assert.equal(second.body.result.n, 64);
      assert.deepEqual(second.body.result.anomalies, expected.anomalies);
      for (const field of ['mean', 'std', 'min', 'max', 'dominantHz']) {
        assert.ok(Math.abs(second.body.result[field] - expected[field]) < 1e-9, field);
      }
    } finally {
      await probe.client.endAsync();
    }
  });
});

describe('hybrid process lifecycle', { timeout: 90_000 }, () => {
  let broker;

  before(async () => {
    broker = await startMosquitto();
  });

  after(async () => {
    if (broker) await broker.stop();
  });

  test('SIGTERM stops the Python workers and exits 0', async () => {
    const hybrid = await startBackend(['--port', '0', '--workers', '2', '--broker', broker.url], { script: SCRIPT });
    const workers = await childPids(hybrid.pid);

    assert.equal(await stopProcess(hybrid.child), 0);
    for (const pid of workers) assert.equal(await isGone(pid), true, `worker ${pid} outlived the edge`);
  });

  test('a dead analytics worker makes the backend exit 1', async () => {
    const hybrid = await startBackend(['--port', '0', '--workers', '1', '--broker', broker.url], { script: SCRIPT });
    const [worker] = await childPids(hybrid.pid);
    const exited = once(hybrid.child, 'exit');

    process.kill(worker, 'SIGKILL');

    const [code] = await exited;
    assert.equal(code, 1);
  });

  test('analyses a reading posted over HTTP, and never one without vibration', async () => {
    const hybrid = await startBackend(['--port', '0', '--workers', '1', '--broker', broker.url], { script: SCRIPT });
    const probe = await device(broker.url, 'hybrid-http');
    try {
      const post = (body) =>
        fetch(`http://127.0.0.1:${hybrid.port}/telemetry`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      assert.equal((await post(reading('hybrid-http', { seq: 1 }))).status, 202);
      assert.equal((await post(reading('hybrid-http', { seq: 2, vibration }))).status, 202);

      // One worker answers jobs in the order the edge sent them: had seq 1 been a job, its result would come first.
      const analysis = await probe.next();
      assert.deepEqual([analysis.kind, analysis.body.seq], ['analysis', 2]);
    } finally {
      await probe.client.endAsync();
      await stopProcess(hybrid.child);
    }
  });

  test('without a broker the edge serves alone, with no analytics workers', async () => {
    const hybrid = await startBackend(['--port', '0', '--broker', ''], { script: SCRIPT });
    try {
      const health = await (await fetch(`http://127.0.0.1:${hybrid.port}/health`)).json();
      assert.deepEqual(health, { status: 'ok', backend: 'hybrid', pid: hybrid.pid, workers: 0 });
      assert.deepEqual(await childPids(hybrid.pid), []);
    } finally {
      await stopProcess(hybrid.child);
    }
  });
});

describe('hybrid --broker', { timeout: 30_000 }, () => {
  // Its analytics pipeline (jobs out, Python workers in) lives on one broker; the refusal comes before any
  // connection or worker, so no broker needs to run here.
  test('refuses a list of two brokers with exit 2 and a message', () => {
    const result = spawnSync(
      process.execPath,
      [SCRIPT, '--port', '0', '--workers', '1', '--broker', 'mqtt://127.0.0.1:1883,mqtt://127.0.0.1:1884'],
      { cwd: new URL('..', import.meta.url), encoding: 'utf8', timeout: 20_000 },
    );
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^bench hybrid backend: hybrid supports one broker; got 2 \(/);
    assert.equal(result.stdout, '');
  });

  test('checks the list itself first: a bad entry is refused as by the other backends', () => {
    const result = spawnSync(process.execPath, [SCRIPT, '--port', '0', '--broker', 'mqtt://127.0.0.1:1883,'], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--broker has an empty entry/);
  });
});

/** A stopped worker was reaped by the edge before it exited, so /proc no longer lists it. */
async function isGone(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}
