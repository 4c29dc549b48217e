import mqtt from 'mqtt';
import { performance } from 'node:perf_hooks';
import { analyzeJobFor, JOBS_TOPIC } from './analytics-job.js';

/**
 * Publishes analyze jobs to the broker after the device has had its ack. Transports ack in the same
 * turn of the event loop in which the reading is ingested, so jobs are queued and published from
 * setImmediate: the ack is always on its way first, and the analytics hop never delays it.
 */
export class JobForwarder {
  #client;
  #pick;
  #pending = [];
  #flushScheduled = false;
  forwarded = 0;

  /**
   * @param {string} brokerUrl mqtt://host:port
   * @param {() => boolean} pick whether this eligible reading is forwarded (see sampler())
   */
  constructor(brokerUrl, pick) {
    this.#pick = pick;
    this.#client = mqtt.connect(brokerUrl, {
      protocolVersion: 4,
      clean: true,
      keepalive: 30,
      reconnectPeriod: 250,
      clientId: `bench-hybrid-jobs-${process.pid}`,
      // Jobs are at most once (QoS 0): while the broker is away they are dropped, not hoarded.
      queueQoSZero: false,
    });
    // Reconnects are the client's business; logging each would flood stderr while the broker is away.
    this.#client.on('error', () => {});
  }

  /** Resolves once the publisher is connected for the first time. */
  get connected() {
    return this.#client.connected ? Promise.resolve() : new Promise((resolve) => this.#client.once('connect', resolve));
  }

  /** @param {import('../telemetry.js').Reading} reading an accepted reading */
  offer(reading) {
    const receivedAt = performance.timeOrigin + performance.now();
    const job = analyzeJobFor(reading, receivedAt);
    if (job === null || !this.#pick()) return;
    this.#pending.push(job);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => this.#flush());
  }

  close() {
    return this.#client.endAsync();
  }

  #flush() {
    this.#flushScheduled = false;
    const jobs = this.#pending;
    this.#pending = [];
    for (const job of jobs) this.#client.publish(JOBS_TOPIC, JSON.stringify(job), { qos: 0 });
    this.forwarded += jobs.length;
  }
}
