// A standalone probe of a running hybrid backend (claim C8): devices publish telemetry over MQTT at a
// fixed rate, and the probe times each reading's ack (devices/{id}/ack) and, when it carries vibration,
// its analysis result (devices/{id}/analysis), matched by deviceId and seq. It prints both latencies.
//
//   node src/hybrid/probe.js --broker mqtt://127.0.0.1:1883 [--rate 200] [--seconds 5] [--devices 20] [--samples 256]
//
// --samples 0 sends readings without vibration: the same ingestion with the analytics load off.
// Latency runs from the actual send (the probe is a quick check, not the load engine: a stalled probe
// delays its own sends rather than counting them late) and is kept as raw samples, fine for seconds.
import mqtt from 'mqtt';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const DRAIN_MS = 2_000;
const TICK_MS = 10;

const { values } = parseArgs({
  options: {
    broker: { type: 'string' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '5' },
    devices: { type: 'string', default: '20' },
    samples: { type: 'string', default: '256' },
  },
});
if (!values.broker) throw new Error('--broker mqtt://host:port is required');
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const devices = Array.from({ length: Number(values.devices) }, (_, i) => `probe-${String(i).padStart(4, '0')}`);
const vibration = Array.from({ length: Number(values.samples) }, (_, i) => Math.round(Math.sin(i * 0.37) * 1e6) / 1e6);

const sent = new Map();
const ackMs = [];
const analysisMs = [];
const client = await mqtt.connectAsync(values.broker, { protocolVersion: 4, clean: true, reconnectPeriod: 0 });
client.on('message', (topic, payload) => {
  const [, deviceId, kind] = topic.split('/');
  const { seq } = JSON.parse(payload.toString());
  const start = sent.get(`${deviceId}:${seq}`);
  if (start === undefined) return;
  const elapsed = performance.now() - start;
  if (kind === 'ack') ackMs.push(elapsed);
  else if (kind === 'analysis') analysisMs.push(elapsed);
});
await client.subscribeAsync(['devices/+/ack', 'devices/+/analysis'], { qos: 0 });

let seq = 0;
const total = Math.round(rate * seconds);
const begin = performance.now();
while (seq < total) {
  // Catch up to the schedule every tick: the readings due by now are sent in one burst.
  const due = Math.min(total, Math.floor(((performance.now() - begin) / 1000) * rate));
  for (; seq < due; seq += 1) publish(devices[seq % devices.length], seq);
  await sleep(TICK_MS);
}
await sleep(DRAIN_MS);
await client.endAsync();

const expectedAnalyses = vibration.length >= 16 ? total : 0;
console.log(
  `sent ${total} readings (${rate}/s for ${seconds} s, ${devices.length} devices, ${vibration.length} samples)`,
);
console.log(`ack       ${summary(ackMs)}  received ${ackMs.length}/${total}`);
console.log(`analysis  ${summary(analysisMs)}  received ${analysisMs.length}/${expectedAnalyses}`);

function publish(deviceId, n) {
  const reading = { deviceId, seq: n, ts: Date.now(), temperature: 21.5, humidity: 40, battery: 80 };
  if (vibration.length > 0) reading.vibration = vibration;
  sent.set(`${deviceId}:${n}`, performance.now());
  client.publish(`devices/${deviceId}/telemetry`, JSON.stringify(reading), { qos: 0 });
}

function summary(samples) {
  if (samples.length === 0) return 'no samples';
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  return `p50 ${at(0.5)} ms  p90 ${at(0.9)} ms  p99 ${at(0.99)} ms  max ${sorted.at(-1).toFixed(2)} ms`;
}
