import { buildApp } from '../app.js';
import { startMqttSubscribers } from '../mqtt-subscriber.js';
import { OptionsError } from '../options.js';
import { serve } from '../serve.js';
import { attachWebSockets } from '../websocket.js';
import { parseEvery, sampler } from './analytics-job.js';
import { AnalyticsPool } from './analytics-pool.js';
import { ForwardingState } from './forwarding-state.js';
import { JobForwarder } from './job-forwarder.js';

// hybrid: this Node.js process is the edge (HTTP, WebSocket and MQTT ingestion, validation, device
// state, the device's ack, exactly as the plain node backend); each accepted reading with a vibration
// array also becomes an analyze job on mosquitto, analysed by --workers Python processes
// (python-workers/bench_analytics) that publish the result on devices/{id}/analysis.
const NAME = 'hybrid';

serve({ name: NAME, create: createHybrid });

/** @param {ReturnType<typeof import('../options.js').resolveOptions>} options */
function createHybrid(options) {
  // The analytics pipeline (jobs out, Python workers in) lives on one broker; --broker lists of several,
  // which the plain variants accept, are refused before anything starts (exit 2, as any bad option).
  if (options.brokers.length > 1) {
    throw new OptionsError(`hybrid supports one broker; got ${options.brokers.length} (${options.brokers.join(', ')})`);
  }
  const [broker] = options.brokers;
  const every = parseEvery(process.env.BENCH_ANALYTICS_EVERY);
  // Without a broker there is nowhere to send jobs: the edge alone serves, analytics off.
  const forwarder = broker ? new JobForwarder(broker, sampler(every)) : null;
  const pool = broker && every > 0 ? new AnalyticsPool() : null;
  const state = new ForwardingState((reading) => forwarder?.offer(reading));
  const app = buildApp(state, { backend: NAME, health: { workers: pool ? options.workers : 0 } });
  const websockets = attachWebSockets(app.server, state);
  const mqtt = broker ? startMqttSubscribers([broker], state, { shared: false }) : null;
  return {
    async listen() {
      await pool?.start(broker, options.workers, onWorkerCrash);
      await app.listen({ host: options.host, port: options.port });
      await Promise.all([mqtt?.subscribed, forwarder?.connected]);
      return app.server.address().port;
    },
    close: () => Promise.all([app.close(), websockets.close(), mqtt?.close(), forwarder?.close(), pool?.stop()]),
  };

  // A dead analytics worker is a crash of the backend, reported the way the harness sees any crash.
  function onWorkerCrash(code, signal) {
    process.stderr.write(`bench ${NAME} backend: an analytics worker exited (${signal ?? code}); stopping\n`);
    pool.stop().finally(() => process.exit(1));
  }
}
