import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, KEEP_ALIVE_TIMEOUT_MS } from '../src/app.js';
import { BackendState } from '../src/backend-state.js';
import { assertAnalysis, assertClose, bodyOf, loadVectors } from '../test-support/vectors.js';

const JSON_TYPE = 'application/json';

function startApp() {
  const state = new BackendState();
  return { state, app: buildApp(state) };
}

const post = (app, url, payload, contentType = JSON_TYPE) =>
  app.inject({ method: 'POST', url, payload, headers: contentType ? { 'content-type': contentType } : {} });

const reading = (changes = {}) =>
  JSON.stringify({ deviceId: 'dev-1', seq: 1, ts: 1000, temperature: 20, humidity: 50, battery: 90, ...changes });

describe('HTTP routes', () => {
  let app;
  before(() => ({ app } = startApp()));
  after(() => app.close());

  test('keeps idle keep-alive connections for 30 s', () => {
    assert.equal(KEEP_ALIVE_TIMEOUT_MS, 30_000);
    assert.equal(app.server.keepAliveTimeout, 30_000);
  });

  test('GET /health names the backend and its pid', async () => {
    const response = await app.inject('/health');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', backend: 'node', pid: process.pid });
  });

  test('POST /telemetry accepts a reading and GET /devices/{id} returns the state', async () => {
    const accepted = await post(app, '/telemetry', reading({ deviceId: 'dev-h1', seq: 5, temperature: 10 }));
    assert.equal(accepted.statusCode, 202);
    assert.match(accepted.headers['content-type'], /^application\/json/);
    assert.deepEqual(accepted.json(), { deviceId: 'dev-h1', seq: 5 });
    await post(
      app,
      '/telemetry',
      reading({ deviceId: 'dev-h1', seq: 6, ts: 2000, temperature: 15 }),
      'application/json; charset=utf-8',
    );
    const device = await app.inject('/devices/dev-h1');
    assert.equal(device.statusCode, 200);
    assert.deepEqual(device.json(), { deviceId: 'dev-h1', count: 2, lastSeq: 6, lastTs: 2000, temperatureMean: 12.5 });
  });

  test('GET /devices/{id} of an unknown device is 404 with the contract body', async () => {
    const response = await app.inject('/devices/never-seen');
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), { error: 'unknown device', field: null });
  });

  test('a known route with the wrong method is 405 and names the allowed methods', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: '/telemetry',
      payload: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(response.statusCode, 405);
    assert.equal(response.headers.allow, 'POST');
    assert.deepEqual(response.json(), { error: 'method not allowed', field: null });
  });

  test('a plain GET /ws without an upgrade is 426', async () => {
    assert.equal((await app.inject('/ws?deviceId=dev-1')).statusCode, 426);
  });

  test('GET /stats counts accepted and rejected readings, devices and jobs', async () => {
    const { app: fresh } = startApp();
    await post(fresh, '/telemetry', reading({ deviceId: 'a' }));
    await post(fresh, '/telemetry', reading({ deviceId: 'b' }));
    await post(fresh, '/telemetry', reading({ seq: -1 }));
    await post(fresh, '/telemetry', '{"deviceId":');
    await post(fresh, '/jobs/analyze', JSON.stringify({ samples: new Array(16).fill(1), sampleRateHz: 1, window: 4 }));
    const stats = (await fresh.inject('/stats')).json();
    assert.deepEqual(stats, { accepted: 2, rejected: 2, devices: 2, openWebSockets: 0, mqttMessages: 0, jobs: 1 });
    await fresh.close();
  });
});

describe('invalid request vectors (workloads/contract/vectors/invalid.json)', async () => {
  const { vectors } = await loadVectors('invalid.json');
  const { app } = startApp();
  after(() => app.close());

  for (const vector of vectors) {
    test(vector.name, async () => {
      const headers = vector.contentType === null ? {} : { 'content-type': vector.contentType };
      const body = bodyOf(vector);
      const response = await app.inject({
        method: vector.method,
        url: vector.path,
        headers,
        payload: body || undefined,
      });
      assert.equal(response.statusCode, vector.expectedStatus);
      assert.match(response.headers['content-type'], /^application\/json/);
      const error = response.json();
      assert.equal(typeof error.error, 'string');
      assert.equal(error.field, vector.expectedField);
    });
  }
});

describe('telemetry vectors (workloads/contract/vectors/telemetry.json)', async () => {
  const document = await loadVectors('telemetry.json');
  const { app, state } = startApp();
  after(() => app.close());

  test('the valid readings are accepted and produce the expected device states', async () => {
    for (const value of document.valid) {
      const response = await post(app, '/telemetry', JSON.stringify(value));
      assert.equal(response.statusCode, 202, JSON.stringify(value));
      assert.deepEqual(response.json(), { deviceId: value.deviceId, seq: value.seq });
    }
    for (const expected of document.states) {
      const actual = (await app.inject(`/devices/${encodeURIComponent(expected.deviceId)}`)).json();
      const { temperatureMean, ...exact } = expected;
      assert.deepEqual({ ...actual, temperatureMean: 0 }, { ...exact, temperatureMean: 0 });
      assertClose(actual.temperatureMean, temperatureMean, 1e-9, `${expected.deviceId} temperatureMean`);
    }
    assert.equal(state.stats().devices, document.states.length);
  });
});

describe('analyze vectors over HTTP', async () => {
  const { tolerance, vectors } = await loadVectors('analyze.json');
  const { app } = startApp();
  after(() => app.close());

  test('every vector answers 200 with the expected result', async () => {
    for (const { name, request, expected } of vectors) {
      const response = await post(app, '/jobs/analyze', JSON.stringify(request));
      assert.equal(response.statusCode, 200, name);
      assertAnalysis(response.json(), expected, tolerance, name);
    }
  });
});
