import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BACKEND_DIR = new URL('..', import.meta.url);
const READY_LINE = /^BENCH-READY backend=node port=(\d+) pid=(\d+)$/;
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 6_000;

/** A loopback port nobody listens on right now (bound to 0, then released). */
export async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `node src/server.js` with the given arguments and waits for its ready line.
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, port: number, pid: number, stdout: string[] }>}
 */
export async function startBackend(args, env = {}) {
  const child = spawn(process.execPath, ['src/server.js', ...args], {
    cwd: BACKEND_DIR,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = [];
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => stdout.push(line));
  try {
    const [line] = await waitFor(lines, 'line', (text) => READY_LINE.test(text), START_TIMEOUT_MS, child);
    const [, port, pid] = READY_LINE.exec(line);
    return { child, port: Number(port), pid: Number(pid), stdout };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** Sends `signal` and resolves with the exit code (null when killed by a signal). */
export async function stopProcess(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  const [code] = await exited;
  clearTimeout(timer);
  return code;
}

/**
 * Starts mosquitto on a loopback port (a free one unless given) with a throw-away config; resolves
 * once it is running.
 * @param {number} [port]
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startMosquitto(port = undefined) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-node-mosquitto-'));
  port ??= await freePort();
  const config = join(dir, 'mosquitto.conf');
  await writeFile(config, `listener ${port} 127.0.0.1\nallow_anonymous true\n`);
  const child = spawn('/usr/sbin/mosquitto', ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const lines = createInterface({ input: child.stderr });
  const stop = async () => {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(lines, 'line', (text) => text.includes(' running'), START_TIMEOUT_MS, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `mqtt://127.0.0.1:${port}`, port, stop };
}

/** Resolves with the first event whose arguments satisfy `accept`; rejects on timeout or child exit. */
function waitFor(emitter, event, accept, timeoutMs, child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(reject, new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const onEvent = (...args) => accept(...args) && finish(resolve, args);
    const onExit = (code) => finish(reject, new Error(`process exited with ${code} before it was ready`));
    function finish(settle, value) {
      clearTimeout(timer);
      emitter.off(event, onEvent);
      child.off('exit', onExit);
      settle(value);
    }
    emitter.on(event, onEvent);
    child.on('exit', onExit);
  });
}
