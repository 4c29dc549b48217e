import { findTelemetryError, isCounter } from './telemetry.js';

/**
 * @typedef {import('./telemetry.js').Reading} Reading
 * @typedef {{ accepted: true, deviceId: string, seq: number }} Accepted
 * @typedef {{ accepted: false, error: string, field: string | null, seq: number | null }} Rejected
 */

/**
 * The in-memory state of one backend process: per-device state and the /stats counters.
 * Node runs every handler on one thread, so each update is atomic without locks (contract §2).
 */
export class BackendState {
  /** @type {Map<string, { count: number, lastSeq: number, lastTs: number, temperatureSum: number }>} */
  #devices = new Map();
  accepted = 0;
  rejected = 0;
  openWebSockets = 0;
  mqttMessages = 0;
  jobs = 0;

  /**
   * Validates a parsed reading and, when it is valid, records it. Every transport goes through here so
   * that accepted/rejected count readings over HTTP, WebSocket and MQTT alike.
   * @param {unknown} value the parsed JSON body
   * @param {string} [expectedDeviceId] the device the transport is bound to (WebSocket query, MQTT topic)
   * @returns {Accepted | Rejected}
   */
  ingest(value, expectedDeviceId) {
    const rejection = findTelemetryError(value);
    if (rejection) return this.reject(rejection.error, rejection.field, value);
    if (expectedDeviceId !== undefined && value.deviceId !== expectedDeviceId) {
      return this.reject(`deviceId must be '${expectedDeviceId}'`, 'deviceId', value);
    }
    this.#record(value);
    this.accepted += 1;
    return { accepted: true, deviceId: value.deviceId, seq: value.seq };
  }

  /**
   * Counts a refused reading; `seq` is echoed back when the value carried a valid one (contract §5).
   * @param {string} error
   * @param {string | null} field
   * @param {unknown} [value]
   * @returns {Rejected}
   */
  reject(error, field, value) {
    this.rejected += 1;
    const seq = value?.seq;
    return { accepted: false, error, field, seq: isCounter(seq) ? seq : null };
  }

  /** @param {Reading} reading */
  #record(reading) {
    const device = this.#devices.get(reading.deviceId);
    if (device === undefined) {
      this.#devices.set(reading.deviceId, {
        count: 1,
        lastSeq: reading.seq,
        lastTs: reading.ts,
        temperatureSum: reading.temperature,
      });
      return;
    }
    device.count += 1;
    device.lastSeq = reading.seq;
    device.lastTs = reading.ts;
    device.temperatureSum += reading.temperature;
  }

  /** @param {string} deviceId */
  device(deviceId) {
    const device = this.#devices.get(deviceId);
    if (device === undefined) return undefined;
    const { count, lastSeq, lastTs, temperatureSum } = device;
    return { deviceId, count, lastSeq, lastTs, temperatureMean: temperatureSum / count };
  }

  stats() {
    return {
      accepted: this.accepted,
      rejected: this.rejected,
      devices: this.#devices.size,
      openWebSockets: this.openWebSockets,
      mqttMessages: this.mqttMessages,
      jobs: this.jobs,
    };
  }
}
