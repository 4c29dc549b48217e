import mqtt from 'mqtt';
import { answerTelemetry, TELEMETRY_FILTER } from './mqtt-telemetry.js';

const SHARED_TELEMETRY_FILTER = `$share/bench/${TELEMETRY_FILTER}`;

// MQTT.js retries at a fixed period; stretching that period after each failed attempt gives the
// backoff the contract asks for (§6) without a second reconnect loop.
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 8_000;

/**
 * Connects to every broker, subscribes to device telemetry on each and answers each message on the
 * device's ack or error topic through the connection it arrived on (contract §6). One mosquitto caps its
 * file descriptors, so a large fleet is spread over several brokers; a device only ever talks to its own,
 * so a reply sent to another broker would never reach it. Every connection reconnects on its own.
 * @param {string[]} brokerUrls mqtt://host:port of each broker, distinct
 * @param {import('./backend-state.js').BackendState} state shared by all connections, so the /stats
 *   MQTT counters are the sum over the brokers
 * @param {{ shared: boolean }} options shared: subscribe through `$share/bench/…` (several workers)
 * @returns {{ subscribed: Promise<void>, close: () => Promise<void> }} subscribed settles once every
 *   broker acknowledged the subscription; close disconnects from all of them
 */
export function startMqttSubscribers(brokerUrls, state, { shared }) {
  // Client ids are distinct per worker (the pid), per broker (the index) and per start (the random part).
  const idPrefix = `bench-node-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
  const subscribers = brokerUrls.map((url, index) =>
    startMqttSubscriber(url, state, { shared, clientId: `${idPrefix}-${index}` }),
  );
  return {
    subscribed: Promise.all(subscribers.map(({ subscribed }) => subscribed)).then(() => {}),
    close: () => Promise.all(subscribers.map(({ close }) => close())).then(() => {}),
  };
}

/**
 * One broker connection: connects, subscribes to device telemetry and answers each message on the
 * device's ack or error topic through this same connection.
 * @param {string} brokerUrl mqtt://host:port
 * @param {import('./backend-state.js').BackendState} state
 * @param {{ shared: boolean, clientId: string }} options
 * @returns {{ subscribed: Promise<void>, close: () => Promise<void> }} subscribed settles once the
 *   broker acknowledged the subscription
 */
function startMqttSubscriber(brokerUrl, state, { shared, clientId }) {
  const client = mqtt.connect(brokerUrl, {
    protocolVersion: 4,
    clean: true,
    keepalive: 30,
    reconnectPeriod: FIRST_RETRY_MS,
    clientId,
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
