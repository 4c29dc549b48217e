import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { createAnalyzePool } from '../src/analyze-pool.js';
import { parseAnalyzeRequest } from '../src/analyze-request.js';
import { startBackend, stopProcess } from '../test-support/processes.js';
import { assertAnalysis, loadVectors } from '../test-support/vectors.js';

describe('the analyze thread pool', { timeout: 60_000 }, () => {
  let pool;
  before(() => (pool = createAnalyzePool(2)));
  after(() => pool.close());

  test('returns the shared vectors’ results, jobs running concurrently', async () => {
    const { tolerance, vectors } = await loadVectors('analyze.json');
    const results = await Promise.all(vectors.map(({ request }) => pool.run(parseAnalyzeRequest(request).request)));
    vectors.forEach(({ name, expected }, i) => assertAnalysis(results[i], expected, tolerance, name));
  });
});

describe('node src/offload.js', { timeout: 60_000 }, () => {
  let backend;
  let base;
  before(async () => {
    backend = await startBackend(['--port', '0', '--workers', '2', '--broker', ''], { script: 'src/offload.js' });
    base = `http://127.0.0.1:${backend.port}`;
  });
  after(async () => {
    if (backend) await stopProcess(backend.child);
  });

  test('prints its ready line and reports its pool size in /health', async () => {
    assert.deepEqual(backend.stdout, [`BENCH-READY backend=node-offload port=${backend.port} pid=${backend.pid}`]);
    const health = await (await fetch(`${base}/health`)).json();
    assert.deepEqual(health, { status: 'ok', backend: 'node-offload', pid: backend.pid, workers: 2 });
  });

  test('answers every analyze vector over HTTP and counts the jobs', async () => {
    const { tolerance, vectors } = await loadVectors('analyze.json');
    const responses = await Promise.all(
      vectors.map(({ request }) =>
        fetch(`${base}/jobs/analyze`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
        }),
      ),
    );
    for (const [i, response] of responses.entries()) {
      assert.equal(response.status, 200, vectors[i].name);
      assertAnalysis(await response.json(), vectors[i].expected, tolerance, vectors[i].name);
    }
    const stats = await (await fetch(`${base}/stats`)).json();
    assert.equal(stats.jobs, vectors.length);
  });

  test('refuses an invalid analyze request before it reaches the pool', async () => {
    const response = await fetch(`${base}/jobs/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ samples: [1, 2, 3], sampleRateHz: 10 }),
    });
    assert.equal(response.status, 400);
    assert.equal((await response.json()).field, 'samples');
  });

  test('exits 0 on SIGTERM, pool and all', async () => {
    assert.equal(await stopProcess(backend.child), 0);
  });
});

describe('node src/offload.js defaults', { timeout: 60_000 }, () => {
  test('sizes the pool to the available cores', async () => {
    const backend = await startBackend(['--port', '0'], { script: 'src/offload.js' });
    try {
      const health = await (await fetch(`http://127.0.0.1:${backend.port}/health`)).json();
      assert.equal(health.workers, availableParallelism());
    } finally {
      assert.equal(await stopProcess(backend.child), 0);
    }
  });
});
