// What the backend does with one MQTT telemetry message (contract §6), whoever delivered it: the MQTT.js
// subscriber of a broker-connected variant or the embedded aedes broker of node-aedes.

/** The topic devices publish telemetry on. */
export const TELEMETRY_FILTER = 'devices/+/telemetry';

const TOPIC = /^devices\/([^/]+)\/telemetry$/;

/**
 * Ingests one telemetry message and says what to publish in reply: `{seq}` on the device's ack topic,
 * or `{error}` on its error topic. Messages on other topics are not counted and get no reply.
 * @param {string} topic
 * @param {Buffer} payload
 * @param {import('./backend-state.js').BackendState} state
 * @returns {{ topic: string, payload: string } | null}
 */
export function answerTelemetry(topic, payload, state) {
  const match = TOPIC.exec(topic);
  if (match === null) return null;
  const deviceId = match[1];
  state.mqttMessages += 1;
  const result = ingest(payload, deviceId, state);
  return result.accepted
    ? { topic: `devices/${deviceId}/ack`, payload: JSON.stringify({ seq: result.seq }) }
    : { topic: `devices/${deviceId}/error`, payload: JSON.stringify({ error: result.error }) };
}

function ingest(payload, deviceId, state) {
  let value;
  try {
    value = JSON.parse(payload.toString());
  } catch {
    return state.reject('malformed JSON', null);
  }
  return state.ingest(value, deviceId);
}
