import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

/** Debian's interpreter, the one with NumPy and paho-mqtt (the `python3` first on PATH may lack them). */
export const PYTHON = '/usr/bin/python3';

const PYTHON_WORKERS_DIR = fileURLToPath(new URL('../../../python-workers/', import.meta.url));
const READY = /^ANALYTICS-READY pid=(\d+)$/;
const READY_TIMEOUT_MS = 30_000;
// Leaves the edge time to exit within the contract's 5 s after its own SIGTERM.
const STOP_TIMEOUT_MS = 3_000;

/**
 * The Python analytics workers (python-workers/bench_analytics), one child process each, all sharing
 * the job subscription. Each worker's stdin is a pipe this process holds: when it dies, even by
 * SIGKILL, the workers see end-of-file and stop.
 */
export class AnalyticsPool {
  /** @type {import('node:child_process').ChildProcess[]} */
  #children = [];
  #stopping = false;

  /**
   * Starts `count` workers and resolves once every one of them has subscribed; rejects when one
   * exits first or the deadline passes.
   * @param {string} brokerUrl mqtt://host:port
   * @param {number} count
   * @param {(code: number | null, signal: string | null) => void} onCrash a worker exited while the pool was not stopping
   */
  async start(brokerUrl, count, onCrash) {
    const ready = [];
    for (let i = 0; i < count; i += 1) {
      const child = spawn(PYTHON, ['-m', 'bench_analytics', '--broker', brokerUrl, '--stop-on-stdin-eof'], {
        cwd: PYTHON_WORKERS_DIR,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      this.#children.push(child);
      child.on('exit', (code, signal) => {
        if (!this.#stopping) onCrash(code, signal);
      });
      ready.push(readyLine(child, i));
    }
    await Promise.all(ready);
  }

  /** The PIDs of the workers. */
  get pids() {
    return this.#children.map((child) => child.pid);
  }

  /** SIGTERM to every worker, SIGKILL to any that outstays the deadline. */
  async stop() {
    this.#stopping = true;
    const running = this.#children.filter((child) => child.exitCode === null && child.signalCode === null);
    const exits = running.map((child) => once(child, 'exit'));
    for (const child of running) child.kill('SIGTERM');
    const timer = setTimeout(() => running.forEach((child) => child.kill('SIGKILL')), STOP_TIMEOUT_MS);
    await Promise.all(exits);
    clearTimeout(timer);
  }
}

/** Resolves at the worker's ready line; its other output goes to stderr, since stdout carries our own ready line. */
function readyLine(child, index) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`analytics worker ${index} not ready within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    const onExit = (code) => {
      clearTimeout(timer);
      reject(new Error(`analytics worker ${index} exited with ${code} before it was ready`));
    };
    child.once('exit', onExit);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (READY.test(line)) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      } else {
        process.stderr.write(`[analytics ${index}] ${line}\n`);
      }
    });
  });
}
