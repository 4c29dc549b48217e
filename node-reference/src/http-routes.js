import { parseAnalyzeRequest } from './analyze-request.js';
import { ROUTE_SCHEMAS } from './http-schemas.js';

/** Body limits of contract §3: a reading fits in 64 KiB, an analyze request in 1 MiB. */
export const TELEMETRY_BODY_LIMIT = 65_536;
export const ANALYZE_BODY_LIMIT = 1_048_576;

/** Every method fastify routes; a known path asked with one it does not serve answers 405. */
const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/**
 * The HTTP routes of contract §3, as a fastify plugin.
 * @param {import('fastify').FastifyInstance} app
 * @param {object} options
 * @param {import('./backend-state.js').BackendState} options.state
 * @param {string} options.backend the name /health reports
 * @param {(request: object) => object | Promise<object>} options.analyzeJob runs one analyze job
 * @param {{ workers?: number }} options.health extra /health fields
 */
export async function httpRoutes(app, { state, backend, analyzeJob, health: extra }) {
  // In a cluster worker process.pid is the worker's: /health says which process answered.
  const health = { status: 'ok', backend, pid: process.pid, ...extra };

  app.get('/health', { schema: ROUTE_SCHEMAS.health }, async () => health);

  const telemetryOptions = {
    bodyLimit: TELEMETRY_BODY_LIMIT,
    schema: ROUTE_SCHEMAS.telemetry,
    // Malformed JSON fails in the body parser, before the handler; it is still a rejected reading.
    errorHandler: (error) => {
      if (error.statusCode === 400) state.reject(error.message, null);
      throw error;
    },
  };
  app.post('/telemetry', telemetryOptions, async (request, reply) => {
    if (request.body === undefined) return unsupportedMediaType(reply);
    const result = state.ingest(request.body);
    if (!result.accepted) return reply.code(400).send({ error: result.error, field: result.field });
    return reply.code(202).send({ deviceId: result.deviceId, seq: result.seq });
  });

  app.get('/devices/:id', { schema: ROUTE_SCHEMAS.device }, async (request, reply) => {
    const device = state.device(request.params.id);
    return device ?? reply.code(404).send({ error: 'unknown device', field: null });
  });

  app.post(
    '/jobs/analyze',
    { bodyLimit: ANALYZE_BODY_LIMIT, schema: ROUTE_SCHEMAS.analyze },
    async (request, reply) => {
      if (request.body === undefined) return unsupportedMediaType(reply);
      const parsed = parseAnalyzeRequest(request.body);
      if (parsed.rejection) return reply.code(400).send(parsed.rejection);
      // The plain variant runs the job inline on the event loop on purpose: it measures what a CPU-bound
      // job does to Node's single thread. node-offload passes a thread pool instead (backends.yaml).
      const result = await analyzeJob(parsed.request);
      state.jobs += 1;
      return result;
    },
  );

  app.get('/stats', { schema: ROUTE_SCHEMAS.stats }, async () => state.stats());

  // The WebSocket upgrade is taken by the ws server before fastify sees it; a plain GET lands here.
  app.get('/ws', async (request, reply) =>
    reply.code(426).header('upgrade', 'websocket').send({ error: 'WebSocket upgrade required', field: null }),
  );

  declareMethodNotAllowed(app, {
    '/health': ['GET'],
    '/telemetry': ['POST'],
    '/devices/:id': ['GET'],
    '/jobs/analyze': ['POST'],
    '/stats': ['GET'],
    '/ws': ['GET'],
  });
}

function unsupportedMediaType(reply) {
  return reply.code(415).send({ error: 'content type must be application/json', field: null });
}

/**
 * fastify answers an unrouted method with 404; the contract wants 405 for a known path. The refusal
 * runs in onRequest so that a wrong method is reported before its body would be parsed (or refused).
 */
function declareMethodNotAllowed(app, allowedByPath) {
  for (const [url, allowed] of Object.entries(allowedByPath)) {
    // GET routes get HEAD from fastify (exposeHeadRoutes), so HEAD is allowed there too.
    const served = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
    const refuse = async (request, reply) =>
      reply.code(405).header('allow', served.join(', ')).send({ error: 'method not allowed', field: null });
    app.route({
      method: METHODS.filter((method) => !served.includes(method)),
      url,
      onRequest: refuse,
      handler: refuse,
    });
  }
}
