import { availableParallelism } from 'node:os';
import { createAnalyzePool } from './analyze-pool.js';
import { createBackend } from './backend.js';
import { serve } from './serve.js';

// node-offload: the plain backend in one process, except that analyze jobs run on a worker_threads pool
// so the event loop keeps serving telemetry while they compute (--workers sizes the pool).
const NAME = 'node-offload';

serve({
  name: NAME,
  options: { defaultWorkers: availableParallelism() },
  create(options) {
    const pool = createAnalyzePool(options.workers);
    const backend = createBackend(options, {
      name: NAME,
      sharedSubscription: false,
      analyzeJob: pool.run,
      health: { workers: options.workers },
    });
    return {
      listen: backend.listen,
      // Jobs still in flight finish before the pool goes away; the stop deadline bounds both.
      close: async () => {
        await backend.close();
        await pool.close();
      },
    };
  },
});
