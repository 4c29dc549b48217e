import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';

// The shared contract vectors (workloads/contract/vectors), produced by tools/generate_vectors.py.
// BENCH_VECTORS_DIR points the tests at a set written elsewhere (generate_vectors.py --out DIR).
const VECTORS_DIR = process.env.BENCH_VECTORS_DIR
  ? pathToFileURL(`${process.env.BENCH_VECTORS_DIR}/`)
  : new URL('../../workloads/contract/vectors/', import.meta.url);

/** @param {'analyze.json' | 'invalid.json' | 'telemetry.json'} name */
export async function loadVectors(name) {
  return JSON.parse(await readFile(new URL(name, VECTORS_DIR), 'utf8'));
}

/** The request body of an invalid.json vector: `body`, or `bodyRepeat` expanded. */
export function bodyOf(vector) {
  if (vector.bodyRepeat === undefined) return vector.body;
  const { prefix, unit, count, suffix } = vector.bodyRepeat;
  return prefix + unit.repeat(count) + suffix;
}

/** The contract's float rule: relative, but absolute where |expected| < 1 (contract §4). */
export function assertClose(actual, expected, tolerance, label) {
  const limit = tolerance * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= limit, `${label}: ${actual} is not within ${limit} of ${expected}`);
}

/** Compares an analyze result with a vector's expected result. */
export function assertAnalysis(actual, expected, tolerance, name) {
  assert.equal(actual.n, expected.n, `${name}: n`);
  for (const key of ['mean', 'std', 'min', 'max', 'dominantHz']) {
    assertClose(actual[key], expected[key], tolerance.relative, `${name}: ${key}`);
  }
  assert.deepEqual(actual.anomalies, expected.anomalies, `${name}: anomalies`);
}
