import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BACKEND_DIR = new URL('..', import.meta.url);
const READY_LINE = /^BENCH-READY backend=(\S+) port=(\d+) pid=(\d+)$/;
// Generous: a cluster starts several processes, and the machine may be busy with other builds.
const START_TIMEOUT_MS = 20_000;
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
 * Starts a backend entry point (`node src/server.js` unless `script` names a variant) with the given
 * arguments and waits for its ready line. stderr is collected for tests of start-up failures.
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, script?: string }} [options]
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, backend: string, port: number,
 *   pid: number, stdout: string[], stderr: string[] }>}
 */
export async function startBackend(args, { env = {}, script = 'src/server.js' } = {}) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: BACKEND_DIR,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = [];
  const stderr = [];
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => stdout.push(line));
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  try {
    const [line] = await waitFor(lines, 'line', (text) => READY_LINE.test(text), START_TIMEOUT_MS, child);
    const [, backend, port, pid] = READY_LINE.exec(line);
    return { child, backend, port: Number(port), pid: Number(pid), stdout, stderr };
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}; stderr: ${stderr.join(' | ')}`);
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
 * once it is running. `log` collects its log lines (stderr) as they come, `waitForLog` resolves with
 * the first one, already logged or still to come, that matches.
 * @param {number} [port]
 * @returns {Promise<{ url: string, port: number, pid: number, log: string[],
 *   waitForLog: (pattern: RegExp, timeoutMs?: number) => Promise<string>, stop: () => Promise<void> }>}
 */
export async function startMosquitto(port = undefined) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-node-mosquitto-'));
  port ??= await freePort();
  const config = join(dir, 'mosquitto.conf');
  await writeFile(config, `listener ${port} 127.0.0.1\nallow_anonymous true\n`);
  const child = spawn('/usr/sbin/mosquitto', ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const lines = createInterface({ input: child.stderr });
  const log = [];
  lines.on('line', (line) => log.push(line));
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
  const waitForLog = async (pattern, timeoutMs = 5_000) => {
    const logged = log.find((line) => pattern.test(line));
    if (logged !== undefined) return logged;
    const [line] = await waitFor(lines, 'line', (text) => pattern.test(text), timeoutMs, child);
    return line;
  };
  return { url: `mqtt://127.0.0.1:${port}`, port, pid: child.pid, log, waitForLog, stop };
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

/** The PIDs of a process's direct children, from /proc (Linux). */
export async function childPids(pid) {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
  return text.trim() === '' ? [] : text.trim().split(/\s+/).map(Number);
}

/** True while a process with this PID exists. */
export function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
