import Fastify from 'fastify';
import { analyze } from './analyze.js';
import { httpRoutes } from './http-routes.js';

/** Idle keep-alive connections are kept this long by every contender (contract §1). */
export const KEEP_ALIVE_TIMEOUT_MS = 30_000;

/**
 * Builds the fastify instance that serves the HTTP side of the contract. WebSocket and MQTT attach to
 * the same {@link import('./backend-state.js').BackendState} elsewhere.
 * @param {import('./backend-state.js').BackendState} state
 * @param {object} [variant] what a variant changes; the defaults are the plain `node` backend
 * @param {string} [variant.backend] the name /health reports
 * @param {(request: import('./analyze-request.js').AnalyzeRequest) => object | Promise<object>} [variant.analyzeJob]
 *   runs one analyze job: inline by default, on a thread pool in node-offload
 * @param {{ workers?: number }} [variant.health] extra /health fields (the worker count of multi-worker variants)
 */
export function buildApp(state, { backend = 'node', analyzeJob = analyze, health = {} } = {}) {
  const app = Fastify({
    logger: false,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    return503OnClosing: true,
  });
  // Only application/json is accepted (anything else is 415). The body is parsed here rather than by
  // fastify's default parser so that malformed JSON gets the contract's error body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: 'unknown route', field: null });
  });
  app.register(httpRoutes, { state, backend, analyzeJob, health });
  return app;
}

function parseJson(request, body, done) {
  try {
    done(null, JSON.parse(body));
  } catch {
    const error = new Error('malformed JSON');
    error.statusCode = 400;
    done(error, undefined);
  }
}

/** fastify's own refusals (413, 415, bad Content-Length) in the contract's `{error, field}` shape. */
const MESSAGES = new Map([
  [413, 'body too large'],
  [415, 'content type must be application/json'],
]);

function sendError(error, request, reply) {
  const status = error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  const message = MESSAGES.get(status) ?? (status === 500 ? 'internal error' : error.message);
  reply.code(status).send({ error: message, field: null });
}
