import FFT from 'fft.js';

// The analyze job exactly as contract §4 defines it.

/** fft.js precomputes twiddle tables per size; N is one of 13 powers of two, so keep one per size. */
const transforms = new Map();

function fftOfSize(n) {
  let fft = transforms.get(n);
  if (fft === undefined) {
    fft = new FFT(n);
    transforms.set(n, fft);
  }
  return fft;
}

/**
 * @param {import('./analyze-request.js').AnalyzeRequest} request
 * @returns {{ n: number, mean: number, std: number, min: number, max: number, dominantHz: number, anomalies: number[] }}
 */
export function analyze({ samples, sampleRateHz, window, threshold }) {
  const n = samples.length;
  const { mean, std, min, max } = summarize(samples);
  return {
    n,
    mean,
    std,
    min,
    max,
    dominantHz: (dominantBin(samples, mean) * sampleRateHz) / n,
    anomalies: rollingAnomalies(samples, window, threshold),
  };
}

/** Population statistics, two passes: the mean first, then the squared deviations from it. */
function summarize(samples) {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of samples) {
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = sum / samples.length;
  let squares = 0;
  for (const x of samples) squares += (x - mean) * (x - mean);
  return { mean, std: Math.sqrt(squares / samples.length), min, max };
}

/**
 * Indices i >= window whose sample lies more than `threshold` standard deviations from the mean of the
 * `window` samples before it. Each window is summed afresh (two passes) instead of with running sums:
 * running sums drift, and a constant window must give s = 0 exactly, not a rounding residue that turns
 * the next sample into a false anomaly.
 */
function rollingAnomalies(samples, window, threshold) {
  const anomalies = [];
  for (let i = window; i < samples.length; i++) {
    const start = i - window;
    const first = samples[start];
    let sum = 0;
    let constant = true;
    for (let j = start; j < i; j++) {
      sum += samples[j];
      constant &&= samples[j] === first;
    }
    if (constant) continue;
    const m = sum / window;
    let squares = 0;
    for (let j = start; j < i; j++) squares += (samples[j] - m) * (samples[j] - m);
    const s = Math.sqrt(squares / window);
    if (s > 0 && Math.abs(samples[i] - m) / s > threshold) anomalies.push(i);
  }
  return anomalies;
}

/** The bin k in 1..N/2 with the largest |X[k]| of the mean-removed signal; ties go to the smallest k. */
function dominantBin(samples, mean) {
  const n = samples.length;
  const fft = fftOfSize(n);
  const centred = new Float64Array(n);
  for (let i = 0; i < n; i++) centred[i] = samples[i] - mean;
  const spectrum = fft.createComplexArray();
  // realTransform fills bins 0..N/2, exactly the half the contract looks at.
  fft.realTransform(spectrum, centred);
  let best = 1;
  let bestPower = -1;
  for (let k = 1; k <= n / 2; k++) {
    const re = spectrum[2 * k];
    const im = spectrum[2 * k + 1];
    const power = re * re + im * im;
    if (power > bestPower) {
      best = k;
      bestPower = power;
    }
  }
  return best;
}
