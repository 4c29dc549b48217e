import { WebSocketServer } from 'ws';
import { STATUS_CODES } from 'node:http';
import { isDeviceId } from './telemetry.js';

/** A frame over 64 KiB closes the connection with 1009 (contract §5); ws does that at maxPayload. */
export const MAX_FRAME_BYTES = 65_536;

const SHUTDOWN_GRACE_MS = 1_000;

/**
 * Serves WebSocket `/ws?deviceId=…` on the HTTP server fastify listens with (contract §5).
 * @param {import('node:http').Server} server
 * @param {import('./backend-state.js').BackendState} state
 * @returns {{ close: () => Promise<void> }}
 */
export function attachWebSockets(server, state) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname !== '/ws') return refuseUpgrade(socket, 404, 'unknown route', null);
    const deviceId = url.searchParams.get('deviceId');
    if (!isDeviceId(deviceId)) return refuseUpgrade(socket, 400, 'deviceId must be a valid device id', 'deviceId');
    wss.handleUpgrade(request, socket, head, (ws) => serveDevice(ws, deviceId, state));
  });

  return { close: () => closeAll(wss) };
}

function serveDevice(ws, deviceId, state) {
  state.openWebSockets += 1;
  ws.on('close', () => {
    state.openWebSockets -= 1;
  });
  // Oversized frames and protocol errors surface here after ws has sent the close frame (1009 for
  // a frame over maxPayload); there is nothing to log per connection (contract §1).
  ws.on('error', () => {});
  ws.on('message', (data, isBinary) => {
    const result = handleFrame(data, isBinary, deviceId, state);
    const reply = result.accepted
      ? { type: 'ack', seq: result.seq }
      : { type: 'error', error: result.error, seq: result.seq };
    ws.send(JSON.stringify(reply));
  });
}

function handleFrame(data, isBinary, deviceId, state) {
  if (isBinary) return state.reject('frames must be text', null);
  let value;
  try {
    value = JSON.parse(data.toString());
  } catch {
    return state.reject('malformed JSON', null);
  }
  return state.ingest(value, deviceId);
}

function refuseUpgrade(socket, status, error, field) {
  // The socket is ours once 'upgrade' fired: without a listener a reset by the peer would throw.
  socket.on('error', () => socket.destroy());
  const body = JSON.stringify({ error, field });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Going-away close for every client; whoever has not answered within the grace period is cut off. */
async function closeAll(wss) {
  const closed = [...wss.clients].map((ws) => new Promise((resolve) => ws.once('close', resolve)));
  for (const ws of wss.clients) ws.close(1001, 'server shutting down');
  const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([Promise.all(closed), grace]);
  for (const ws of wss.clients) ws.terminate();
  await new Promise((resolve) => wss.close(resolve));
}
