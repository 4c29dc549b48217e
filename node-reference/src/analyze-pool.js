import { Piscina } from 'piscina';

/**
 * A fixed-size worker_threads pool (piscina) that runs analyze jobs off the event loop.
 * @param {number} size threads, all started up front so that no job pays for a thread start
 * @returns {{ run: (request: import('./analyze-request.js').AnalyzeRequest) => Promise<object>, close: () => Promise<void> }}
 */
export function createAnalyzePool(size) {
  const pool = new Piscina({
    filename: new URL('./analyze-worker.js', import.meta.url).href,
    minThreads: size,
    maxThreads: size,
    idleTimeout: Infinity,
  });
  return {
    run(request) {
      // Moving the samples as a Float64Array transfers one buffer instead of structured-cloning up to
      // 65 536 boxed numbers; the doubles, and so the results, are the same.
      const samples = Float64Array.from(request.samples);
      return pool.run({ ...request, samples }, { transferList: [samples.buffer] });
    },
    close: () => pool.destroy(),
  };
}
