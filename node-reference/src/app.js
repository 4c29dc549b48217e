import Fastify from 'fastify';
import { httpRoutes } from './http-routes.js';

/** Idle keep-alive connections are kept this long by every contender (contract §1). */
export const KEEP_ALIVE_TIMEOUT_MS = 30_000;

const BACKEND_NAME = 'node';

/**
 * Builds the fastify instance that serves the HTTP side of the contract. WebSocket and MQTT attach to
 * the same {@link import('./backend-state.js').BackendState} elsewhere.
 * @param {import('./backend-state.js').BackendState} state
 */
export function buildApp(state) {
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
  app.register(httpRoutes, { state, backend: BACKEND_NAME });
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
