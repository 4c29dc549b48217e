import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { createBackend } from './backend.js';
import { READY_MESSAGE, runPrimary } from './cluster-primary.js';
import { serve } from './serve.js';

// node-cluster: the plain backend in N worker processes sharing one port through node:cluster (the
// primary accepts and hands connections out round-robin, the default on Linux). Device state and
// /stats are per worker; every worker subscribes to MQTT through the shared subscription.
const NAME = 'node-cluster';

// One worker per core this process may run on (availableParallelism honours the CPU affinity mask).
const VARIANT_OPTIONS = { defaultWorkers: availableParallelism() };

if (cluster.isPrimary) {
  runPrimary(NAME, VARIANT_OPTIONS);
} else {
  serve({
    name: NAME,
    options: VARIANT_OPTIONS,
    create: (options) =>
      createBackend(options, { name: NAME, sharedSubscription: true, health: { workers: options.workers } }),
    announce: (port) => process.send({ type: READY_MESSAGE, port }),
  });
}
