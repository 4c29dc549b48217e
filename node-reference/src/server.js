import { buildApp } from './app.js';
import { BackendState } from './backend-state.js';
import { startMqttSubscriber } from './mqtt-subscriber.js';
import { OptionsError, resolveOptions } from './options.js';
import { attachWebSockets } from './websocket.js';

// The contract's stop rule: exit 0 within 5 s of SIGTERM. Anything still open after this is cut off.
const STOP_DEADLINE_MS = 4_000;

let stopping = false;

async function main() {
  const options = resolveOptions(process.argv.slice(2), process.env);
  const state = new BackendState();
  const app = buildApp(state);
  const websockets = attachWebSockets(app.server, state);
  // This variant is one process; --workers only selects the shared MQTT subscription (see README).
  const mqtt = options.broker ? startMqttSubscriber(options.broker, state, { shared: options.workers > 1 }) : null;

  const stop = async () => {
    stopping = true;
    setTimeout(() => process.exit(0), STOP_DEADLINE_MS).unref();
    await Promise.all([app.close(), websockets.close(), mqtt?.close()]);
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  await app.listen({ host: options.host, port: options.port });
  await mqtt?.subscribed;
  const { port } = app.server.address();
  process.stdout.write(`BENCH-READY backend=node port=${port} pid=${process.pid}\n`);
}

main().catch((error) => {
  // A signal during start-up aborts the pending subscription; that is a stop, not a failure.
  if (stopping) return;
  if (error instanceof OptionsError) {
    process.stderr.write(`bench node backend: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`bench node backend failed to start: ${error.stack ?? error}\n`);
  process.exit(1);
});
