import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import WebSocket from 'ws';
import { once } from 'node:events';
import { startBackend, stopProcess } from '../test-support/processes.js';

describe('node src/server.js', { timeout: 30_000 }, () => {
  test('prints the ready line, serves /health and exits 0 on SIGTERM', async () => {
    const backend = await startBackend(['--port', '0', '--workers', '1', '--broker', '']);
    try {
      assert.equal(backend.pid, backend.child.pid);
      assert.deepEqual(backend.stdout, [`BENCH-READY backend=node port=${backend.port} pid=${backend.pid}`]);
      const response = await fetch(`http://127.0.0.1:${backend.port}/health`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok', backend: 'node', pid: backend.pid });
    } finally {
      assert.equal(await stopProcess(backend.child), 0);
    }
  });

  test('takes its port from BENCH_PORT when no option is given', async () => {
    const backend = await startBackend([], { env: { BENCH_PORT: '0' } });
    try {
      assert.notEqual(backend.port, 8080);
    } finally {
      await stopProcess(backend.child);
    }
  });

  test('closes open WebSockets and exits 0 on SIGINT', async () => {
    const backend = await startBackend(['--port', '0']);
    const ws = new WebSocket(`ws://127.0.0.1:${backend.port}/ws?deviceId=dev-stop`);
    await once(ws, 'open');
    const closed = once(ws, 'close');
    assert.equal(await stopProcess(backend.child, 'SIGINT'), 0);
    const [code] = await closed;
    assert.equal(code, 1001);
  });

  test('exits 2 with a message on an invalid option', () => {
    const result = spawnSync(process.execPath, ['src/server.js', '--port', 'eighty'], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
      timeout: 10_000,
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--port must be an integer/);
    assert.equal(result.stdout, '');
  });
});
