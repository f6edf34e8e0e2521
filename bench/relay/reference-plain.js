// Bench child: the reference y-websocket server (@y/websocket-server) wired as its own
// `server.js` does, in plain JavaScript with no loader, so its RSS compares with our compiled
// relay's (bench/relay-scale.ts reads both from /proc). Prints `port <n>` once listening.

import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const wss = new WebSocketServer({ noServer: true });
const http = createServer((_req, res) => {
	res.writeHead(200, { 'Content-Type': 'text/plain' });
	res.end('okay');
});
wss.on('connection', setupWSConnection);
http.on('upgrade', (req, socket, head) => {
	wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
http.listen(0, '127.0.0.1', () => {
	const address = http.address();
	console.log(`port ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
