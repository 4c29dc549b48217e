import cluster from 'node:cluster';
import { OptionsError, resolveOptions } from './options.js';
import { printReadyLine } from './serve.js';

// Workers get 4 s to stop (serve.js); the primary cuts off stragglers just before the contract's 5 s.
const STOP_DEADLINE_MS = 4_500;

/** What a worker sends its primary once it listens and (with a broker) its subscription is acknowledged. */
export const READY_MESSAGE = 'bench-worker-ready';

/**
 * The cluster primary: forks the workers, prints the ready line once every one of them is ready, and on
 * SIGTERM/SIGINT stops them all before exiting. A worker that dies while serving is replaced (the usual
 * cluster practice); one that dies before the backend was ready fails the start.
 * @param {string} name the backend name of the ready line
 * @param {Parameters<typeof resolveOptions>[2]} variantOptions
 */
export function runPrimary(name, variantOptions) {
  let options;
  try {
    options = resolveOptions(process.argv.slice(2), process.env, variantOptions);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    process.stderr.write(`bench ${name} backend: ${error.message}\n`);
    process.exit(2);
  }

  /** @type {'starting' | 'serving' | 'stopping'} */
  let phase = 'starting';
  let exitCode = 0;
  const live = new Set();
  const ready = new Set();

  const fork = () => live.add(cluster.fork());
  const stop = (code) => {
    if (phase === 'stopping') return;
    phase = 'stopping';
    exitCode = code;
    if (live.size === 0) process.exit(exitCode);
    setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL');
      process.exit(exitCode);
    }, STOP_DEADLINE_MS).unref();
    // A signal rather than worker.kill(): that one disconnects first, and a worker whose IPC channel
    // closes exits at once instead of closing its connections.
    for (const worker of live) worker.process.kill('SIGTERM');
  };

  cluster.on('message', (worker, message) => {
    if (message?.type !== READY_MESSAGE || phase !== 'starting') return;
    ready.add(worker.id);
    if (ready.size < options.workers) return;
    phase = 'serving';
    printReadyLine(name, message.port);
  });
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    if (phase === 'stopping') {
      if (live.size === 0) process.exit(exitCode);
      return;
    }
    const how = signal ?? `code ${code}`;
    if (phase === 'starting') {
      process.stderr.write(`bench ${name} backend: worker ${worker.process.pid} exited (${how}) before it was ready\n`);
      stop(1);
      return;
    }
    process.stderr.write(`bench ${name} backend: worker ${worker.process.pid} exited (${how}); starting another\n`);
    fork();
  });
  process.once('SIGTERM', () => stop(0));
  process.once('SIGINT', () => stop(0));

  for (let i = 0; i < options.workers; i++) fork();
}
