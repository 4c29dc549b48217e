import { parseArgs } from 'node:util';

/** Thrown for a command line or environment the backend cannot run with. */
export class OptionsError extends Error {}

const DEFAULTS = { host: '127.0.0.1', port: '8080', workers: '1', broker: '' };

/**
 * Resolves the backend options: a command-line option wins over its BENCH_* environment variable,
 * which wins over the default (contract §1).
 * @param {string[]} argv arguments after the script name
 * @param {NodeJS.ProcessEnv} env
 * @param {{ defaultWorkers?: number, mqttPort?: boolean }} [variant] what a variant changes: its own
 *   worker default (cluster and offload size themselves to the machine), and `--mqtt-port` /
 *   `BENCH_MQTT_PORT` for the variant that is its own broker (absent or empty: no MQTT listener)
 * @returns {{ host: string, port: number, workers: number, brokers: string[], mqttPort?: number | null }}
 *   brokers: the --broker list in the order given, empty when the backend runs without MQTT
 */
export function resolveOptions(argv, env, variant = {}) {
  const options = {
    host: { type: 'string' },
    port: { type: 'string' },
    workers: { type: 'string' },
    broker: { type: 'string' },
  };
  if (variant.mqttPort) options['mqtt-port'] = { type: 'string' };
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options }));
  } catch (error) {
    throw new OptionsError(error.message);
  }
  const defaults = { ...DEFAULTS, workers: String(variant.defaultWorkers ?? DEFAULTS.workers), 'mqtt-port': '' };
  const pick = (name) => values[name] ?? env[`BENCH_${name.toUpperCase().replace('-', '_')}`] ?? defaults[name];
  const resolved = {
    host: pick('host'),
    port: parseInteger('port', pick('port'), 0, 65535),
    workers: parseInteger('workers', pick('workers'), 1, 1024),
    brokers: parseBrokers(pick('broker')),
  };
  if (variant.mqttPort) {
    const mqttPort = pick('mqtt-port');
    resolved.mqttPort = mqttPort.trim() === '' ? null : parseInteger('mqtt-port', mqttPort, 0, 65535);
  }
  return resolved;
}

function parseInteger(name, text, min, max) {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new OptionsError(`--${name} must be an integer from ${min} to ${max}, got '${text}'`);
  }
  return value;
}

// An empty --broker is how the harness says "no MQTT" (it always passes the option). Otherwise it is one
// broker URL or a comma-separated list of them (one mosquitto caps its descriptors, so a large MQTT fleet
// is spread over several brokers and the backend subscribes on each).
function parseBrokers(text) {
  if (text.trim() === '') return [];
  const entries = text.split(',').map((entry) => entry.trim());
  const where = (index) => (entries.length > 1 ? ` (entry ${index + 1} of '${text}')` : '');
  const seen = new Map();
  return entries.map((entry, index) => {
    if (entry === '') throw new OptionsError(`--broker has an empty entry${where(index)}`);
    const url = parseBrokerUrl(entry, where(index));
    // The same broker twice would subscribe twice and answer every message twice; tcp:// and mqtt:// are
    // the same transport, and MQTT.js connects to 1883 when no port is given.
    const key = `${url.hostname.toLowerCase()}:${url.port || '1883'}`;
    if (seen.has(key)) {
      const first = seen.get(key);
      throw new OptionsError(`--broker lists the same broker twice: '${entry}'${where(index)} repeats '${first}'`);
    }
    seen.set(key, entry);
    return url.href;
  });
}

function parseBrokerUrl(entry, where) {
  let url;
  try {
    url = new URL(entry);
  } catch {
    throw new OptionsError(`--broker must be a URL such as mqtt://127.0.0.1:1883, got '${entry}'${where}`);
  }
  if (url.protocol !== 'mqtt:' && url.protocol !== 'tcp:') {
    throw new OptionsError(`--broker must use mqtt://, got '${entry}'${where}`);
  }
  return url;
}
