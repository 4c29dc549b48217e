import { Agent, request } from 'node:http';

/**
 * One keep-alive HTTP connection to a backend. node:cluster hands out connections, not requests, so
 * every request on it reaches the same worker: tests use it to talk to one worker on purpose.
 * @param {number} port
 */
export function openConnection(port) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method, path, body) =>
    new Promise((resolve, reject) => {
      const headers = body === undefined ? {} : { 'content-type': 'application/json' };
      const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, json: text === '' ? null : JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    close: () => agent.destroy(),
  };
}

/**
 * Opens connections until `count` of them are served by different processes (told apart by the pid
 * /health reports); the others are closed. Bounded: fails after `attempts` connections.
 * @returns {Promise<{ pid: number, connection: ReturnType<typeof openConnection> }[]>}
 */
export async function connectionsToDistinctProcesses(port, count, attempts = 32) {
  const found = new Map();
  for (let i = 0; i < attempts && found.size < count; i++) {
    const connection = openConnection(port);
    const { json } = await connection.get('/health');
    if (found.has(json.pid)) connection.close();
    else found.set(json.pid, connection);
  }
  if (found.size < count) throw new Error(`only ${found.size} distinct processes after ${attempts} connections`);
  return [...found].map(([pid, connection]) => ({ pid, connection }));
}
