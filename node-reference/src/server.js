import { createBackend } from './backend.js';
import { serve } from './serve.js';

// The plain Node.js contender: one process, one event loop, analyze inline. --workers only selects the
// shared MQTT subscription (see README); the variants live in cluster.js, offload.js and aedes.js.
const NAME = 'node';

serve({
  name: NAME,
  create: (options) => createBackend(options, { name: NAME, sharedSubscription: options.workers > 1 }),
});
