import { createServer } from 'node:net';
import { once } from 'node:events';
import { Aedes } from 'aedes';
import { answerTelemetry, TELEMETRY_FILTER } from './mqtt-telemetry.js';

/**
 * An MQTT broker (aedes, MQTT 3.1.1) inside the backend process: devices connect to it directly, and the
 * backend takes their telemetry through a server-side subscription instead of a client connection.
 * aedes has no `$share`: this variant is one process and subscribes once.
 * @param {import('./backend-state.js').BackendState} state
 * @param {{ host: string, port: number }} address where devices connect
 * @returns {import('./serve.js').RunningParts} listen resolves with the MQTT port
 */
export function createEmbeddedBroker(state, { host, port }) {
  const aedes = new Aedes();
  const server = createServer(aedes.handle);

  // aedes waits for `done` before it delivers the message to the next subscriber, so it is called at once.
  const deliver = (packet, done) => {
    const reply = answerTelemetry(packet.topic, packet.payload, state);
    if (reply !== null) aedes.publish(replyPacket(reply), ignore);
    done();
  };

  return {
    async listen() {
      await aedes.listen();
      await new Promise((resolve) => aedes.subscribe(TELEMETRY_FILTER, deliver, resolve));
      server.listen(port, host);
      await once(server, 'listening');
      return server.address().port;
    },
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      // aedes disconnects every client, which lets the listening server finish closing.
      await new Promise((resolve) => aedes.close(resolve));
      await closed;
    },
  };
}

/** Replies go out at QoS 0 (contract §6), never retained. */
function replyPacket({ topic, payload }) {
  return { cmd: 'publish', topic, payload: Buffer.from(payload), qos: 0, retain: false, dup: false };
}

// A QoS 0 publish has nobody to report a failure to; a device that left simply misses its reply.
function ignore() {}
