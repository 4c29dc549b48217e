// Telemetry validation (contract §2). Hand-written rather than JSON Schema so that types are strict
// (no coercion) and the first failing field in the contract's order is the one reported.

const DEVICE_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const MAX_VIBRATION = 1024;

/** @param {unknown} value */
export function isDeviceId(value) {
  return typeof value === 'string' && DEVICE_ID.test(value);
}

/**
 * An integer 0 .. 2^53-1. JSON.parse turns `17.0` and `1e3` into whole numbers, which count as
 * integers, as the contract requires.
 * @param {unknown} value
 */
export function isCounter(value) {
  return Number.isSafeInteger(value) && value >= 0;
}

/** @param {unknown} value */
export function isFiniteNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

const inRange = (min, max) => (value) => isFiniteNumber(value) && value >= min && value <= max;

const isVibration = (value) =>
  value === undefined ||
  value === null ||
  (Array.isArray(value) && value.length <= MAX_VIBRATION && value.every(isFiniteNumber));

/** The checks in contract order; the first failing one is reported. */
const RULES = [
  ['deviceId', isDeviceId, 'deviceId must be 1..64 characters of [A-Za-z0-9_.:-]'],
  ['seq', isCounter, 'seq must be an integer from 0 to 2^53-1'],
  ['ts', isCounter, 'ts must be an integer from 0 to 2^53-1'],
  ['temperature', inRange(-100, 200), 'temperature must be a finite number from -100 to 200'],
  ['humidity', inRange(0, 100), 'humidity must be a finite number from 0 to 100'],
  ['battery', inRange(0, 100), 'battery must be a finite number from 0 to 100'],
  ['vibration', isVibration, `vibration must be an array of at most ${MAX_VIBRATION} finite numbers`],
];

/** @param {unknown} value */
export function isJsonObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @typedef {{ deviceId: string, seq: number, ts: number, temperature: number }} Reading
 * @typedef {{ error: string, field: string | null }} Rejection
 */

/**
 * Checks a parsed JSON value against the telemetry rules.
 * @param {unknown} value
 * @returns {Rejection | null} null when the value is a valid reading
 */
export function findTelemetryError(value) {
  if (!isJsonObject(value)) return { error: 'body must be a JSON object', field: null };
  for (const [field, isValid, error] of RULES) {
    if (!isValid(value[field])) return { error, field };
  }
  return null;
}
