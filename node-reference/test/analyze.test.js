import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/analyze.js';
import { parseAnalyzeRequest } from '../src/analyze-request.js';
import { assertAnalysis, loadVectors } from '../test-support/vectors.js';

const run = (body) => {
  const parsed = parseAnalyzeRequest(body);
  assert.equal(parsed.rejection, undefined, JSON.stringify(parsed.rejection));
  return analyze(parsed.request);
};

const tone = (n, k, amplitude = 1) =>
  Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * k * i) / n));

describe('analyze', () => {
  test('computes population statistics', () => {
    const samples = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    const result = run({ samples, sampleRateHz: 16, window: 4 });
    assert.equal(result.n, 16);
    assert.equal(result.mean, 8.5);
    assert.equal(result.std, Math.sqrt(255 / 12));
    assert.equal(result.min, 1);
    assert.equal(result.max, 16);
  });

  test('finds the dominant frequency of a pure tone', () => {
    const result = run({ samples: tone(1024, 50), sampleRateHz: 1000 });
    assert.equal(result.dominantHz, (50 * 1000) / 1024);
  });

  test('includes the Nyquist bin', () => {
    const samples = Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 3 : -3));
    assert.equal(run({ samples, sampleRateHz: 8000, window: 10 }).dominantHz, 4000);
  });

  test('reports bin 1 for a constant signal, where every bin ties at zero', () => {
    const result = run({ samples: new Array(128).fill(-2.75), sampleRateHz: 10 });
    assert.deepEqual(
      { std: result.std, dominantHz: result.dominantHz, anomalies: result.anomalies },
      {
        std: 0,
        dominantHz: 10 / 128,
        anomalies: [],
      },
    );
  });

  test('never flags a sample after a flat window, even where summing the window is inexact', () => {
    // 0.1 * 64 summed one by one is not 6.4 exactly: a naive mean leaves a residue that makes s > 0.
    const samples = [...new Array(64).fill(0.1), 5, ...new Array(63).fill(0.1)];
    assert.deepEqual(run({ samples, sampleRateHz: 1 }).anomalies, []);
  });

  test('flags a spike after a varying window and not the ones after it', () => {
    const samples = Array.from({ length: 32 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    samples[20] = 50;
    assert.deepEqual(run({ samples, sampleRateHz: 1, window: 4, threshold: 3 }).anomalies, [20]);
  });

  test('applies the default window and threshold', () => {
    const samples = Array.from({ length: 128 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    samples[70] = 4.5; // 4.5 standard deviations from the window mean of 0
    samples[100] = 3.5;
    assert.deepEqual(run({ samples, sampleRateHz: 1 }).anomalies, [70]);
  });
});

describe('parseAnalyzeRequest', () => {
  const samples = new Array(16).fill(0).map((_, i) => i);
  const fieldOf = (body) => parseAnalyzeRequest(body).rejection?.field;

  test('treats null optional fields as absent', () => {
    const { request } = parseAnalyzeRequest({ samples: tone(128, 3), sampleRateHz: 1, window: null, threshold: null });
    assert.equal(request.window, 64);
    assert.equal(request.threshold, 4);
  });

  test('reports the first failing field in contract order', () => {
    assert.equal(fieldOf([1, 2]), null);
    assert.equal(fieldOf({ samples: samples.slice(0, 12), sampleRateHz: 0 }), 'samples');
    assert.equal(fieldOf({ samples, sampleRateHz: '1', window: 1 }), 'sampleRateHz');
    assert.equal(fieldOf({ samples, sampleRateHz: 1, window: 16, threshold: 0 }), 'window');
    assert.equal(fieldOf({ samples, sampleRateHz: 1 }), 'window');
    assert.equal(fieldOf({ samples, sampleRateHz: 1, window: 15, threshold: -1 }), 'threshold');
  });
});

describe('analyze vectors (workloads/contract/vectors/analyze.json)', async () => {
  const { tolerance, vectors } = await loadVectors('analyze.json');

  test('the vector file is not empty', () => {
    assert.ok(vectors.length > 0);
  });

  for (const { name, request, expected } of vectors) {
    test(name, () => {
      assertAnalysis(run(request), expected, tolerance, name);
    });
  }
});
