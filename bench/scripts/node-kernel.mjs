#!/usr/bin/env node
// Times the Node.js contender's analyze kernel (node-reference/src/analyze.js, fft.js) on the vectors Bench.Micro
// wrote, outside BenchmarkDotNet: warm up until the JIT has settled, then time batches of calls long enough for
// the clock's resolution not to matter. Prints one JSON document on stdout.
//
//   node bench/scripts/node-kernel.mjs --vectors kernel-vectors.json [--batches 15] [--batch-ms 100] [--warmup-ms 1000]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze } from '../../node-reference/src/analyze.js';

const { values: options } = parseArgs({
  options: {
    vectors: { type: 'string' },
    batches: { type: 'string', default: '15' },
    'batch-ms': { type: 'string', default: '100' },
    'warmup-ms': { type: 'string', default: '1000' },
  },
});
if (!options.vectors) {
  console.error('usage: node-kernel.mjs --vectors <file.json> [--batches N] [--batch-ms MS] [--warmup-ms MS]');
  process.exit(2);
}

const batches = Number(options.batches);
const batchNs = BigInt(Number(options['batch-ms']) * 1e6);
const warmupNs = BigInt(Number(options['warmup-ms']) * 1e6);
const vectors = JSON.parse(readFileSync(options.vectors, 'utf8'));

/** Calls per batch: doubled until one batch takes at least the target time (also the warm-up's loop). */
function callsPerBatch(request) {
  let calls = 1;
  for (;;) {
    const elapsed = timeCalls(request, calls);
    if (elapsed >= batchNs) return calls;
    calls *= 2;
  }
}

function timeCalls(request, calls) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) analyze(request);
  return process.hrtime.bigint() - start;
}

function describe(perCallNs) {
  const sorted = [...perCallNs].sort((a, b) => a - b);
  const mean = perCallNs.reduce((sum, x) => sum + x, 0) / perCallNs.length;
  const variance = perCallNs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (perCallNs.length - 1);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { meanNs: mean, stdDevNs: Math.sqrt(variance), medianNs: median, minNs: sorted[0], maxNs: sorted.at(-1) };
}

const results = [];
for (const { n, sampleRateHz, window, threshold, samples } of vectors) {
  // A plain Array, as JSON.parse hands it to the backend's route.
  const request = { samples: Array.from(samples), sampleRateHz, window, threshold };
  const warmupStart = process.hrtime.bigint();
  while (process.hrtime.bigint() - warmupStart < warmupNs) timeCalls(request, 1);
  const calls = callsPerBatch(request);
  const perCallNs = [];
  for (let b = 0; b < batches; b++) perCallNs.push(Number(timeCalls(request, calls)) / calls);
  const result = analyze(request);
  results.push({
    n,
    callsPerBatch: calls,
    batches,
    ...describe(perCallNs),
    result: { mean: result.mean, dominantHz: result.dominantHz, anomalies: result.anomalies.length },
  });
}

console.log(JSON.stringify({ node: process.version, results }));
