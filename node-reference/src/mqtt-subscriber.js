import mqtt from 'mqtt';
import { answerTelemetry, TELEMETRY_FILTER } from './mqtt-telemetry.js';

const SHARED_TELEMETRY_FILTER = `$share/bench/${TELEMETRY_FILTER}`;

// MQTT.js retries at a fixed period; stretching that period after each failed attempt gives the
// backoff the contract asks for (§6) without a second reconnect loop.
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 8_000;

/**
 * Connects to the broker, subscribes to device telemetry and answers each message on the device's
 * ack or error topic (contract §6).
 * @param {string} brokerUrl mqtt://host:port
 * @param {import('./backend-state.js').BackendState} state
 * @param {{ shared: boolean }} options shared: subscribe through `$share/bench/…` (several workers)
 * @returns {{ subscribed: Promise<void>, close: () => Promise<void> }} subscribed settles once the
 *   broker acknowledged the subscription
 */
export function startMqttSubscriber(brokerUrl, state, { shared }) {
  const client = mqtt.connect(brokerUrl, {
    protocolVersion: 4,
    clean: true,
    keepalive: 30,
    reconnectPeriod: FIRST_RETRY_MS,
    clientId: `bench-node-${process.pid}-${Math.random().toString(16).slice(2, 10)}`,
  });
  client.on('connect', () => {
    client.options.reconnectPeriod = FIRST_RETRY_MS;
  });
  client.on('reconnect', () => {
    client.options.reconnectPeriod = Math.min(client.options.reconnectPeriod * 2, MAX_RETRY_MS);
  });
  // Connection failures are retried by the client; logging each would flood stderr while the broker is away.
  client.on('error', () => {});
  client.on('message', (topic, payload) => {
    const reply = answerTelemetry(topic, payload, state);
    if (reply !== null) client.publish(reply.topic, reply.payload, { qos: 0 });
  });

  const filter = shared ? SHARED_TELEMETRY_FILTER : TELEMETRY_FILTER;
  return { subscribed: subscribeOnConnect(client, filter), close: () => client.endAsync() };
}

/**
 * Subscribes on the first connection that lasts until the SUBACK. A request made while disconnected
 * fails at once, hence waiting for 'connect'; once granted, MQTT.js itself subscribes again after
 * every reconnect (clean session).
 */
function subscribeOnConnect(client, filter) {
  return new Promise((resolve) => {
    const subscribe = () =>
      client.subscribe(filter, { qos: 1 }, (error) => {
        if (error) return;
        client.off('connect', subscribe);
        resolve();
      });
    client.on('connect', subscribe);
  });
}
