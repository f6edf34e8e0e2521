// Message 100 on a y-websocket provider: "which of my updates have you stored?". The wire
// format lives in protocol.ts; this is the glue the app, the CLI and the bench share.

import type { WebsocketProvider } from 'y-websocket';
import {
	MESSAGE_STATE_VECTOR_ANSWER,
	encodeStateVectorQuery,
	readStateVectorAnswer
} from './protocol';

/**
 * Installs the answer handler; `onStateVector` gets the relay's decoded state vector. A
 * malformed answer goes to `onMalformed` (default: logged), never to `onStateVector`.
 */
export function installStateVectorHandler(
	provider: WebsocketProvider,
	onStateVector: (serverSV: Map<number, number>) => void,
	onMalformed: (error: unknown) => void = (error) =>
		console.error('stockflow: malformed state vector answer from relay', error)
): void {
	// y-websocket calls (encoder, decoder, provider, emitSynced, messageType) and sends the
	// encoder back if we wrote to it; we write nothing, the answer needs no reply.
	provider.messageHandlers[MESSAGE_STATE_VECTOR_ANSWER] = (_encoder, decoder) => {
		let sv: Map<number, number>;
		try {
			sv = readStateVectorAnswer(decoder);
		} catch (error) {
			onMalformed(error);
			return;
		}
		onStateVector(sv);
	};
}

/** Sends the query when the socket is open; false when it could not be sent. */
export function sendStateVectorQuery(provider: WebsocketProvider): boolean {
	const ws = provider.ws;
	if (!provider.wsconnected || !ws || ws.readyState !== 1 /* OPEN */) return false;
	ws.send(encodeStateVectorQuery());
	return true;
}
