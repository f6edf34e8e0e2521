// The update check thread (update-check.ts): decodes a large client update to tell whether it
// is a well-formed Yjs update, off the relay's thread. Holds nothing: `close` is answered as is.
// Plain JavaScript: a worker thread does not inherit the tsx loader of the CLI.

import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

/** @typedef {{ id: number, update: Uint8Array } | { id: number, close: true }} Request */

const port = parentPort;
if (!port) throw new Error('update-check.worker.js must run as a worker thread');

port.on(
	'message',
	/** @param {Request} request */
	(request) => {
		if ('close' in request) {
			port.postMessage({ id: request.id });
			return;
		}
		try {
			Y.decodeUpdate(request.update);
			port.postMessage({ id: request.id });
		} catch (err) {
			port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
		}
	}
);
