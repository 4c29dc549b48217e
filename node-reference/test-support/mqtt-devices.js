import mqtt from 'mqtt';

/** A telemetry reading as JSON text; `changes` overrides fields. */
export const reading = (deviceId, changes = {}) =>
  JSON.stringify({ deviceId, seq: 1, ts: 1000, temperature: 20, humidity: 50, battery: 90, ...changes });

/**
 * A device-side MQTT client subscribed to its ack and error topics; `exchange` publishes one telemetry
 * message and resolves with the next reply, in order.
 * @param {string} url mqtt://host:port of the broker the device talks to
 * @param {string} deviceId
 */
export async function deviceClient(url, deviceId) {
  const client = await mqtt.connectAsync(url, { protocolVersion: 4, clean: true, reconnectPeriod: 0 });
  const replies = [];
  const waiting = [];
  client.on('message', (topic, payload) => {
    const reply = { kind: topic.split('/')[2], body: JSON.parse(payload.toString()) };
    const next = waiting.shift();
    if (next) next(reply);
    else replies.push(reply);
  });
  await client.subscribeAsync([`devices/${deviceId}/ack`, `devices/${deviceId}/error`], { qos: 0 });
  const exchange = async (payload) => {
    await client.publishAsync(`devices/${deviceId}/telemetry`, payload, { qos: 1 });
    return replies.length > 0 ? replies.shift() : new Promise((resolve) => waiting.push(resolve));
  };
  return { client, exchange };
}
