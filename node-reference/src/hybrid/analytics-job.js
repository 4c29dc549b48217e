// Which accepted readings become analyze jobs, and what a job looks like on `analytics/jobs`.

/** The topic the edge publishes jobs on; the Python workers share it as `$share/analytics/analytics/jobs`. */
export const JOBS_TOPIC = 'analytics/jobs';

/** The analyze job needs a power-of-two sample count of at least 16 (contract §4). */
export const MIN_SAMPLES = 16;

/** A reading's vibration array has no rate of its own; every job assumes this one. */
export const SAMPLE_RATE_HZ = 1_000;

const DEFAULT_WINDOW = 64;

/**
 * The analyze job for one accepted reading, or null when its vibration array is absent or shorter
 * than {@link MIN_SAMPLES}. The samples are the longest power-of-two prefix of the array (a reading
 * carries at most 1024 numbers, any count; the job needs 2^k). The window is the contract's default
 * 64 when the job has more than 64 samples, otherwise half the samples (the default would be refused).
 * The job echoes the reading's deviceId, seq and ts, and adds receivedAt: when the edge accepted it.
 * @param {import('../telemetry.js').Reading} reading a reading the backend accepted
 * @param {number} receivedAt milliseconds since the epoch, fractional
 * @returns {object | null}
 */
export function analyzeJobFor(reading, receivedAt) {
  const { vibration } = reading;
  if (!Array.isArray(vibration) || vibration.length < MIN_SAMPLES) return null;
  const n = 2 ** Math.floor(Math.log2(vibration.length));
  return {
    deviceId: reading.deviceId,
    seq: reading.seq,
    ts: reading.ts,
    receivedAt,
    samples: n === vibration.length ? vibration : vibration.slice(0, n),
    sampleRateHz: SAMPLE_RATE_HZ,
    window: n > DEFAULT_WINDOW ? DEFAULT_WINDOW : n / 2,
  };
}

/**
 * Picks every `every`-th eligible reading (1: all of them; 0: none, analytics off).
 * @param {number} every
 * @returns {() => boolean} called once per eligible reading
 */
export function sampler(every) {
  let seen = 0;
  return () => {
    if (every === 0) return false;
    seen += 1;
    return seen % every === 0;
  };
}

/**
 * `BENCH_ANALYTICS_EVERY`: forward every Nth eligible reading (default 1; 0 turns analytics off).
 * @param {string | undefined} text
 * @returns {number}
 */
export function parseEvery(text) {
  if (text === undefined || text.trim() === '') return 1;
  if (!/^\d+$/.test(text.trim())) throw new Error(`BENCH_ANALYTICS_EVERY must be an integer ≥ 0, got '${text}'`);
  return Number(text.trim());
}
