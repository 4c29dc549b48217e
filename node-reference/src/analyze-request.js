import { isFiniteNumber, isJsonObject } from './telemetry.js';

// Validation of the analyze request (contract §4), fields checked in the contract's order.

const MIN_SAMPLES = 16;
const MAX_SAMPLES = 65536;
const DEFAULT_WINDOW = 64;
const DEFAULT_THRESHOLD = 4.0;

/**
 * @typedef {{ samples: Float64Array, sampleRateHz: number, window: number, threshold: number }} AnalyzeRequest
 * @typedef {import('./telemetry.js').Rejection} Rejection
 */

const isPowerOfTwo = (n) => (n & (n - 1)) === 0;

function samplesError(samples) {
  const valid =
    Array.isArray(samples) &&
    samples.length >= MIN_SAMPLES &&
    samples.length <= MAX_SAMPLES &&
    isPowerOfTwo(samples.length) &&
    samples.every(isFiniteNumber);
  return valid ? null : `samples must be ${MIN_SAMPLES}..${MAX_SAMPLES} finite numbers, a power of two of them`;
}

// `null` counts as absent for the optional fields, as it does for telemetry's `vibration`.
const isAbsent = (value) => value === undefined || value === null;

function windowError(window, n) {
  if (isAbsent(window)) {
    return n > DEFAULT_WINDOW ? null : `the default window ${DEFAULT_WINDOW} needs more than ${DEFAULT_WINDOW} samples`;
  }
  return Number.isInteger(window) && window >= 2 && window <= n - 1
    ? null
    : `window must be an integer from 2 to ${n - 1}`;
}

/**
 * Validates a parsed analyze request and applies the defaults.
 * @param {unknown} body
 * @returns {{ request: AnalyzeRequest } | { rejection: Rejection }}
 */
export function parseAnalyzeRequest(body) {
  const reject = (error, field) => ({ rejection: { error, field } });
  if (!isJsonObject(body)) return reject('body must be a JSON object', null);
  const { samples, sampleRateHz, window, threshold } = body;

  const badSamples = samplesError(samples);
  if (badSamples) return reject(badSamples, 'samples');
  if (!isFiniteNumber(sampleRateHz) || sampleRateHz <= 0) {
    return reject('sampleRateHz must be a finite number > 0', 'sampleRateHz');
  }
  const badWindow = windowError(window, samples.length);
  if (badWindow) return reject(badWindow, 'window');
  if (!isAbsent(threshold) && !(isFiniteNumber(threshold) && threshold > 0)) {
    return reject('threshold must be a finite number > 0', 'threshold');
  }
  return {
    request: {
      samples: Float64Array.from(samples),
      sampleRateHz,
      window: isAbsent(window) ? DEFAULT_WINDOW : window,
      threshold: isAbsent(threshold) ? DEFAULT_THRESHOLD : threshold,
    },
  };
}
