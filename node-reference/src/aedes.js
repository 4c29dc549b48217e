import { createBackend } from './backend.js';
import { createEmbeddedBroker } from './embedded-broker.js';
import { serve } from './serve.js';

// node-aedes: Node.js at the connection layer, as its own MQTT broker. Devices connect to --mqtt-port;
// --broker is accepted (the harness passes it to every backend) and ignored. Without --mqtt-port the
// backend runs without MQTT, as the others do without --broker.
const NAME = 'node-aedes';

serve({
  name: NAME,
  options: { mqttPort: true },
  create(options) {
    const backend = createBackend({ ...options, brokers: [] }, { name: NAME, sharedSubscription: false });
    const broker =
      options.mqttPort === null
        ? null
        : createEmbeddedBroker(backend.state, { host: options.host, port: options.mqttPort });
    return {
      // Ready once devices can connect too (contract §1: the ready line means every transport is up).
      async listen() {
        const port = await backend.listen();
        await broker?.listen();
        return port;
      },
      close: () => Promise.all([backend.close(), broker?.close()]),
    };
  },
});
