import { OptionsError, resolveOptions } from './options.js';

// The contract's stop rule: exit 0 within 5 s of SIGTERM. Anything still open after this is cut off.
const STOP_DEADLINE_MS = 4_000;

/**
 * @typedef {{ listen: () => Promise<number>, close: () => Promise<unknown> }} RunningParts
 *   listen resolves with the HTTP port once the backend is ready (contract §1); close stops everything
 */

/** Prints the contract's ready line (§1): exactly one line on stdout. */
export function printReadyLine(name, port, pid = process.pid) {
  process.stdout.write(`BENCH-READY backend=${name} port=${port} pid=${pid}\n`);
}

/**
 * Runs one backend process as contract §1 asks: options, start, one ready line, exit 0 on SIGTERM or
 * SIGINT within the deadline, exit 2 on a bad command line, 1 when start-up fails.
 * @param {object} variant
 * @param {string} variant.name the backend name of the ready line
 * @param {Parameters<typeof resolveOptions>[2]} [variant.options] the variant's option differences
 * @param {(options: ReturnType<typeof resolveOptions>) => RunningParts} variant.create builds the
 *   backend without starting it, so that a signal during start-up can already stop it
 * @param {(port: number) => void} [variant.announce] tells the world the backend is ready (a cluster
 *   worker tells its primary instead of printing)
 */
export function serve({ name, options: variantOptions, create, announce = (port) => printReadyLine(name, port) }) {
  let stopping = false;

  async function main() {
    const options = resolveOptions(process.argv.slice(2), process.env, variantOptions);
    const backend = create(options);
    const stop = async () => {
      // SIGINT from a terminal reaches a cluster worker as well as the SIGTERM its primary sends.
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(0), STOP_DEADLINE_MS).unref();
      try {
        await backend.close();
      } finally {
        process.exit(0);
      }
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    announce(await backend.listen());
  }

  main().catch((error) => {
    // A signal during start-up aborts the pending subscription; that is a stop, not a failure.
    if (stopping) return;
    if (error instanceof OptionsError) {
      process.stderr.write(`bench ${name} backend: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`bench ${name} backend failed to start: ${error.stack ?? error}\n`);
    process.exit(1);
  });
}
