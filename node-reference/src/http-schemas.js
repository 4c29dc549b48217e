// Response schemas for the success bodies: fastify compiles them into fast-json-stringify serializers,
// the idiomatic way to keep JSON encoding off the hot path. Error bodies use the default serializer.

const integer = { type: 'integer' };
const number = { type: 'number' };

const object = (properties, optional = {}) => ({
  type: 'object',
  required: Object.keys(properties),
  properties: { ...properties, ...optional },
});

export const ROUTE_SCHEMAS = {
  health: {
    // workers: only multi-worker variants report it, so that a run records the count it measured.
    response: {
      200: object({ status: { type: 'string' }, backend: { type: 'string' }, pid: integer }, { workers: integer }),
    },
  },
  telemetry: {
    response: { 202: object({ deviceId: { type: 'string' }, seq: integer }) },
  },
  device: {
    response: {
      200: object({
        deviceId: { type: 'string' },
        count: integer,
        lastSeq: integer,
        lastTs: integer,
        temperatureMean: number,
      }),
    },
  },
  analyze: {
    response: {
      200: object({
        n: integer,
        mean: number,
        std: number,
        min: number,
        max: number,
        dominantHz: number,
        anomalies: { type: 'array', items: integer },
      }),
    },
  },
  stats: {
    response: {
      200: object({
        accepted: integer,
        rejected: integer,
        devices: integer,
        openWebSockets: integer,
        mqttMessages: integer,
        jobs: integer,
      }),
    },
  },
};
