import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findTelemetryError } from '../src/telemetry.js';

const reading = (changes = {}) => ({
  deviceId: 'dev-000001',
  seq: 17,
  ts: 1763769600000,
  temperature: 21.5,
  humidity: 40.25,
  battery: 88.0,
  ...changes,
});

const fieldOf = (value) => findTelemetryError(value)?.field;

describe('findTelemetryError', () => {
  test('accepts a valid reading, with or without vibration', () => {
    assert.equal(findTelemetryError(reading()), null);
    assert.equal(findTelemetryError(reading({ vibration: [0.01, -0.02] })), null);
    assert.equal(findTelemetryError(reading({ vibration: null })), null);
    assert.equal(findTelemetryError(reading({ vibration: new Array(1024).fill(0) })), null);
  });

  test('accepts whole numbers written with a fraction or exponent as integers', () => {
    assert.equal(
      findTelemetryError(JSON.parse('{"deviceId":"d","seq":17.0,"ts":1e3,"temperature":1,"humidity":1,"battery":1}')),
      null,
    );
  });

  test('accepts the inclusive range bounds', () => {
    assert.equal(findTelemetryError(reading({ temperature: -100, humidity: 0, battery: 100 })), null);
    assert.equal(findTelemetryError(reading({ temperature: 200, humidity: 100, battery: 0 })), null);
    assert.equal(findTelemetryError(reading({ seq: Number.MAX_SAFE_INTEGER, ts: 0 })), null);
  });

  test('reports a body that is not an object with field null', () => {
    for (const body of [null, [], 42, 'dev', true]) {
      assert.deepEqual(findTelemetryError(body), { error: 'body must be a JSON object', field: null });
    }
  });

  test('is strict about types', () => {
    assert.equal(fieldOf(reading({ seq: '3' })), 'seq');
    assert.equal(fieldOf(reading({ seq: 1.5 })), 'seq');
    assert.equal(fieldOf(reading({ ts: 2 ** 53 })), 'ts');
    assert.equal(fieldOf(reading({ temperature: true })), 'temperature');
    assert.equal(fieldOf(reading({ humidity: Infinity })), 'humidity');
    assert.equal(fieldOf(reading({ vibration: [0.1, '0.2'] })), 'vibration');
    assert.equal(fieldOf(reading({ vibration: new Array(1025).fill(0) })), 'vibration');
  });

  test('checks device ids against the allowed characters and length', () => {
    assert.equal(fieldOf(reading({ deviceId: 'gw:3-x_A.b' })), undefined);
    assert.equal(fieldOf(reading({ deviceId: 'd'.repeat(64) })), undefined);
    assert.equal(fieldOf(reading({ deviceId: 'd'.repeat(65) })), 'deviceId');
    assert.equal(fieldOf(reading({ deviceId: 'dev/1' })), 'deviceId');
    assert.equal(fieldOf(reading({ deviceId: 'dév' })), 'deviceId');
  });

  test('reports the first failing field in contract order', () => {
    assert.equal(fieldOf(reading({ battery: 101, seq: -1, deviceId: '' })), 'deviceId');
    assert.equal(fieldOf(reading({ battery: 101, humidity: -1 })), 'humidity');
  });
});
