import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnalyzeRequest } from '../src/analyze-request.js';
import { analyzeJobFor, parseEvery, sampler, SAMPLE_RATE_HZ } from '../src/hybrid/analytics-job.js';

const reading = (vibration) => ({
  deviceId: 'dev-1',
  seq: 4,
  ts: 1000,
  temperature: 20,
  humidity: 50,
  battery: 90,
  vibration,
});
const numbers = (count) => Array.from({ length: count }, (_, i) => i / 10);

test('a reading becomes a job over the longest power-of-two prefix of its vibration array', () => {
  const job = analyzeJobFor(reading(numbers(100)), 1000.5);

  assert.deepEqual(job, {
    deviceId: 'dev-1',
    seq: 4,
    ts: 1000,
    receivedAt: 1000.5,
    samples: numbers(64),
    sampleRateHz: SAMPLE_RATE_HZ,
    window: 32,
  });
});

test('the window is the contract default 64 once a job has more than 64 samples', () => {
  assert.equal(analyzeJobFor(reading(numbers(1024)), 0).window, 64);
  assert.equal(analyzeJobFor(reading(numbers(128)), 0).samples.length, 128);
  assert.equal(analyzeJobFor(reading(numbers(16)), 0).window, 8);
});

test('a reading without vibration, or with fewer than 16 numbers, is not a job', () => {
  assert.equal(analyzeJobFor(reading(undefined), 0), null);
  assert.equal(analyzeJobFor(reading(null), 0), null);
  assert.equal(analyzeJobFor(reading(numbers(15)), 0), null);
});

test('the sampler forwards every Nth eligible reading, and none at 0', () => {
  const pick = (every) => Array.from({ length: 6 }, sampler(every));

  assert.deepEqual(pick(1), [true, true, true, true, true, true]);
  assert.deepEqual(pick(3), [false, false, true, false, false, true]);
  assert.deepEqual(pick(0), [false, false, false, false, false, false]);
});

test('BENCH_ANALYTICS_EVERY defaults to 1 and refuses anything but a whole number', () => {
  assert.equal(parseEvery(undefined), 1);
  assert.equal(parseEvery(''), 1);
  assert.equal(parseEvery('0'), 0);
  assert.equal(parseEvery('10'), 10);
  assert.throws(() => parseEvery('-1'));
  assert.throws(() => parseEvery('two'));
});

test('every job the edge builds is a valid analyze request (contract §4)', () => {
  for (let count = 16; count <= 1024; count += 1) {
    const parsed = parseAnalyzeRequest(analyzeJobFor(reading(numbers(count)), 0));
    assert.equal(parsed.rejection, undefined, `${count} samples: ${JSON.stringify(parsed.rejection)}`);
  }
});
