import { buildApp } from './app.js';
import { BackendState } from './backend-state.js';
import { startMqttSubscribers } from './mqtt-subscriber.js';
import { attachWebSockets } from './websocket.js';

/**
 * One backend process: HTTP and WebSocket on one fastify server and, when brokers are given, an MQTT
 * subscriber on each of them, all feeding one {@link BackendState}. Every variant is built from this.
 * @param {ReturnType<typeof import('./options.js').resolveOptions>} options
 * @param {object} variant
 * @param {string} variant.name the backend name /health reports
 * @param {boolean} variant.sharedSubscription subscribe through `$share/bench/…` (several subscribers)
 * @param {Parameters<typeof buildApp>[1]['analyzeJob']} [variant.analyzeJob] inline unless given
 * @param {{ workers?: number }} [variant.health] extra /health fields
 * @returns {import('./serve.js').RunningParts & { state: BackendState }}
 */
export function createBackend(options, { name, sharedSubscription, analyzeJob, health }) {
  const state = new BackendState();
  const app = buildApp(state, { backend: name, analyzeJob, health });
  const websockets = attachWebSockets(app.server, state);
  const mqtt =
    options.brokers.length > 0 ? startMqttSubscribers(options.brokers, state, { shared: sharedSubscription }) : null;
  return {
    state,
    async listen() {
      await app.listen({ host: options.host, port: options.port });
      await mqtt?.subscribed;
      return app.server.address().port;
    },
    close: () => Promise.all([app.close(), websockets.close(), mqtt?.close()]),
  };
}
