// Bench child: the reference y-websocket server (@y/websocket-server 0.1.1) exactly as its
// own `server.js` wires it (ws + http, setupWSConnection, no persistence: YPERSISTENCE unset),
// on 127.0.0.1.

import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { procStats, serveRpc } from './rpc';

const wss = new WebSocketServer({ noServer: true });
const http = createServer((_req, res) => {
	res.writeHead(200, { 'Content-Type': 'text/plain' });
	res.end('okay');
});
wss.on('connection', setupWSConnection);
http.on('upgrade', (req, socket, head) => {
	wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const address = http.address();
const port = typeof address === 'object' && address ? address.port : 0;

process.on('SIGTERM', () => process.exit(0));

serveRpc({ stats: (args) => procStats(docs.size, args === 'gc') }, { port });
